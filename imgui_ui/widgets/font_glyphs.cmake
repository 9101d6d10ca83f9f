# The one list of characters the UI can show. It feeds both the font subset (fontTools, at build
# time) and ImGui's glyph ranges (generated header), so the two can never disagree.
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
