// When to draw the next frame: every vsync while the user interacts, a slow beat while a text
// field waits for typing (the caret blinks), and nothing at all while nothing changes, so an idle
// page or window costs no GPU and a laptop on battery stays cool (hello_imgui's idea). Pure logic on
// ImGui's IO: the platforms sleep accordingly (the web's requestAnimationFrame loop, SDL's
// WaitEventTimeout natively). Times are in seconds on any monotonic clock.
#pragma once
#include <imgui.h>

namespace cpts::ui {

class FramePacer {
 public:
  // After an input event, frames run at full rate this long: hover highlights, delayed tooltips
  // (ImGui waits ~0.4 s), fades of popups and modals (0.2 s) and double clicks all finish inside.
  static constexpr double kActiveSeconds = 1.0;
  // While a text field is active and nothing happens: one frame per caret blink phase (≤ 2 per s).
  static constexpr double kCaretSeconds = 0.5;

  void input(double now) { last_input_ = now; }   // any input event (mouse, key, text, resize, drop)
  void request(int frames = 3) { owed_ = frames > owed_ ? frames : owed_; }  // an off-input change
  void frame_drawn() { if (owed_ > 0) --owed_; }

  // Seconds until the next frame should be drawn: 0 = next vsync, > 0 = after that delay,
  // < 0 = only when input arrives (or request() is called).
  double next_frame_in(double now, const ImGuiIO& io) const;

 private:
  double last_input_ = 0;  // the first second after start counts as active (layout settles)
  int owed_ = 3;
};

}  // namespace cpts::ui
