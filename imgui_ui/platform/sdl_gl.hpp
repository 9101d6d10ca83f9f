// What both platforms share: an SDL2 window with an OpenGL (desktop) or OpenGL ES 3 (WebGL2)
// context, driven by ImGui's SDL2 + OpenGL3 backends. platform_native.cpp and platform_web.cpp add
// what differs (main loop, options, test hooks).
#pragma once
#include <SDL.h>
#include <imgui.h>

namespace cpts::ui::sdl_gl {

struct WindowDesc {
  const char* title;
  int width, height;      // UI units; the web canvas takes its size from CSS instead
  bool gles;              // OpenGL ES profile (WebGL2) rather than desktop core
  int gl_major, gl_minor;
  const char* glsl_version;  // for ImGui_ImplOpenGL3_Init
};

bool open(const WindowDesc& d);  // prints why and returns false on failure
SDL_Window* window();
// Forwards events to ImGui (and each one to `watch`, if given); false once the user closed the window.
bool pump_events(void (*watch)(const SDL_Event&) = nullptr);
void new_frame();                // backends' NewFrame (before ImGui::NewFrame)
void render(const ImVec4& background);  // clears and draws ImGui's draw data (no swap)
void swap();
void upload_fonts();
float drawable_ratio();          // framebuffer pixels per window unit
void close();

}  // namespace cpts::ui::sdl_gl
