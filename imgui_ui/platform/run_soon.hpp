// Work carried on between frames without drawing one (issue #18, item 5): the autosave's slices.
// Kept out of platform.hpp so that this addition does not rebuild every file that includes it.
#pragma once
#include <functional>

namespace cpts::ui::platform {

// Runs `task` soon on the main thread, in a task of its own between frames, and draws no frame for
// it. Web: a message the page posts to itself (MessageChannel: no 4 ms clamp as with setTimeout,
// and the browser renders and handles input between two such tasks). In Chromium with a software
// GL (SwiftShader, the browser tests) a frame of the stress project costs 100–200 ms of main-thread
// time, so a frame per slice of a save made the save freeze the page; measured in
// tests/browser/bench.mjs --only autosave. Natively and in the headless UI tests a frame is
// requested instead and the task is dropped: the app carries its work on after each frame
// (FileActions::after_frame), as before. A new call replaces a pending task; an empty one cancels it.
void run_soon(std::function<void()> task);

}  // namespace cpts::ui::platform
