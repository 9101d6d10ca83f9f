# The one list of characters the app can show. It feeds the font subsets (fontTools, at build time)
# and ImGui's glyph ranges (generated header, imgui_ui/CMakeLists.txt), so they can never disagree.
# ImGui's default ranges stop at U+00FF: without this list € œ ’ « » … and U+202F would show as '?'.
set(CPTS_FONT_GLYPH_RANGES
  0020-007E   # ASCII
  00A0-00FF   # Latin-1: é è à ç ô « » NBSP °
  0152-0153   # Œ œ
  0178-0178   # Ÿ
  2010-2027   # ‐ – — ‘ ’ “ ” • …
  202F-202F   # narrow no-break space (thousands separator: 1 234,56 €)
  2030-203A   # ‰ ‹ › (breadcrumbs "Mission › action")
  20AC-20AC   # €
  2190-2193   # ← ↑ → ↓ (← →: the guide's presentation keys)
  221E-221E   # ∞
  2264-2265   # ≤ ≥ (tier thresholds)
  25B2-25B2   # ▲
  25B6-25B6   # ▶ (presentation: next)
  25BC-25BC   # ▼ (calendar: latest start)
  25C0-25C0   # ◀ (presentation: previous)
  25C6-25C6   # ◆ (calendar: latest full deployment)
  2713-2713   # ✓
  2717-2717   # ✗
)

# ---- Subsets of Debian's DejaVu (fonts-dejavu-core), made at build time -------------------------
# /usr/bin/python3, not `python3`: the latter may be a pyenv without Debian's fontTools.
set(CPTS_PYTHON /usr/bin/python3 CACHE FILEPATH "Python with Debian's fontTools (python3-fonttools)")
set(CPTS_FONT_SRC_DIR /usr/share/fonts/truetype/dejavu CACHE PATH "Where DejaVuSans*.ttf live (fonts-dejavu-core)")
execute_process(COMMAND ${CPTS_PYTHON} -c "import fontTools.subset" RESULT_VARIABLE _no_fonttools OUTPUT_QUIET ERROR_QUIET)
if(_no_fonttools)
  message(FATAL_ERROR "${CPTS_PYTHON} cannot import fontTools: run scripts/setup.sh (python3-fonttools)")
endif()
list(JOIN CPTS_FONT_GLYPH_RANGES "," _cpts_unicodes)
string(REPLACE "," ",U+" _cpts_unicodes "U+${_cpts_unicodes}")

# cpts_font_subset(FACE OUT): OUT = ${FACE}.ttf cut to the characters above, without hinting and
# without the tables neither stb_truetype (UI) nor drawing.cpp (document figures) read.
function(cpts_font_subset face out)
  get_filename_component(dir ${out} DIRECTORY)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
    COMMAND ${CPTS_PYTHON} -m fontTools.subset ${CPTS_FONT_SRC_DIR}/${face}.ttf
            --unicodes=${_cpts_unicodes} --no-hinting --output-file=${out}
            --drop-tables+=GPOS,GSUB,GDEF,MATH,kern,FFTM,name,post
    DEPENDS ${CPTS_FONT_SRC_DIR}/${face}.ttf ${PROJECT_SOURCE_DIR}/cmake/font_glyphs.cmake
    COMMENT "Subsetting ${face}.ttf to French glyphs"
    VERBATIM)
endfunction()
