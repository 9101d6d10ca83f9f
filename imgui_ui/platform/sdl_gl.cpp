#include "sdl_gl.hpp"

#include <cstdio>

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#include <SDL_opengl.h>
#endif

#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

namespace cpts::ui::sdl_gl {

namespace {
SDL_Window* g_window = nullptr;
SDL_GLContext g_gl = nullptr;
bool g_backend_ready = false;  // the renderer backend made its GL objects (in its first NewFrame)
}  // namespace

bool open(const WindowDesc& d) {
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    std::fprintf(stderr, "cpts-planner : SDL_Init : %s\n", SDL_GetError());
    return false;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, d.gles ? SDL_GL_CONTEXT_PROFILE_ES : SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, d.gl_major);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, d.gl_minor);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  // ALLOW_HIGHDPI: the framebuffer follows the screen's (or the browser's) pixel ratio.
  const Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
  g_window = SDL_CreateWindow(d.title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, d.width, d.height, flags);
  if (!g_window || !(g_gl = SDL_GL_CreateContext(g_window))) {
    std::fprintf(stderr, "cpts-planner : fenêtre OpenGL impossible : %s\n", SDL_GetError());
    return false;
  }
  SDL_GL_MakeCurrent(g_window, g_gl);
  ImGui_ImplSDL2_InitForOpenGL(g_window, g_gl);
  ImGui_ImplOpenGL3_Init(d.glsl_version);
  return true;
}

SDL_Window* window() { return g_window; }

bool pump_events(void (*watch)(const SDL_Event&)) {
  bool open = true;
  SDL_Event e;
  while (SDL_PollEvent(&e)) {
    ImGui_ImplSDL2_ProcessEvent(&e);
    if (watch) watch(e);
    if (e.type == SDL_DROPFILE || e.type == SDL_DROPTEXT) SDL_free(e.drop.file);  // watch() copied what it needs
    if (e.type == SDL_QUIT) open = false;
    if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE &&
        e.window.windowID == SDL_GetWindowID(g_window))
      open = false;
  }
  return open;
}

void new_frame() {
  ImGui_ImplOpenGL3_NewFrame();
  g_backend_ready = true;
  ImGui_ImplSDL2_NewFrame();
}

void render(const ImVec4& bg) {
  const ImGuiIO& io = ImGui::GetIO();
  glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
             static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void swap() { SDL_GL_SwapWindow(g_window); }

void upload_fonts() {
  // Before the first frame the backend has no texture yet: its NewFrame creates it. (Not
  // Fonts->TexID: rebuilding the atlas resets it to 0.)
  if (!g_backend_ready) return;
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

float drawable_ratio() {
  if (!g_window) return 1.0f;
  int w = 0, h = 0, dw = 0, dh = 0;
  SDL_GetWindowSize(g_window, &w, &h);
  SDL_GL_GetDrawableSize(g_window, &dw, &dh);
  return w > 0 && dw > 0 ? static_cast<float>(dw) / static_cast<float>(w) : 1.0f;
}

void close() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  SDL_GL_DeleteContext(g_gl);
  SDL_DestroyWindow(g_window);
  SDL_Quit();
}

}  // namespace cpts::ui::sdl_gl
