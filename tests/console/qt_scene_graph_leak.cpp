// LeakSanitizer settings for the screen tests only (linked into jiujin_console_screen_tests).
//
// Under `scripts/test --asan` these tests report ~3.5 KB of *indirect* leaks after the
// offscreen windows are grabbed and destroyed. Every frame of every leaked block is inside
// Qt 6.4 (read with fast_unwind_on_malloc=0, see docs/architecture.md "Sanitizers"): the
// Basic style's CheckBox indicator image is loaded through QQuickPixmap, turned into a
// texture factory (QQuickTextureFactory::textureFactoryForImage) and then into a QSGTexture
// cached by QSGRenderContext::textureForFactory, which the software/offscreen render loop
// never frees when the window goes. Nothing of ours is on those stacks, so they are
// suppressed by those two Qt functions — not by library, which would hide leaks of ours.
//
// Matching a Qt frame needs the full stack: the default fast unwinder stops after two frames
// in Qt's libraries (built without frame pointers), so this binary unwinds slowly.

extern "C" {

// Read by ASan at start, before ASAN_OPTIONS (which overrides any option it also sets).
const char* __asan_default_options() { return "fast_unwind_on_malloc=0"; }

// Read by LeakSanitizer in addition to any LSAN_OPTIONS=suppressions file.
const char* __lsan_default_suppressions() {
  return "leak:QQuickTextureFactory::textureFactoryForImage\n"
         "leak:QSGRenderContext::textureForFactory\n";
}

}  // extern "C"
