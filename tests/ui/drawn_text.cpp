#include "drawn_text.hpp"

#include <imgui.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>

namespace cpts::ui::testing {

std::string drawn_text(UiDriver& ui) {
  const std::string path = ::testing::TempDir() + "cpts_drawn_text_" + std::to_string(::getpid()) + ".txt";
  std::remove(path.c_str());
  ui.app().prepare_frame(1.0f);
  ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
  ImGui::NewFrame();
  ImGui::LogToFile(2, path.c_str());
  ui.app().draw();
  ImGui::LogFinish();
  ImGui::Render();
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace cpts::ui::testing
