#include "frame_pacer.hpp"

namespace cpts::ui {

double FramePacer::next_frame_in(double now, const ImGuiIO& io) const {
  if (owed_ > 0 || now - last_input_ < kActiveSeconds) return 0;
  for (bool down : io.MouseDown)
    if (down) return 0;  // drags, long presses, held scroll bars
  if (io.WantTextInput) return kCaretSeconds;
  return -1;
}

}  // namespace cpts::ui
