// Escaping user text for the document writers. Every piece of text a user typed (names, titles,
// comments) goes through one of these before it reaches HTML, XML (DOCX parts, SVG) or Markdown.
//
// What is kept: any valid Unicode text, emoji and right-to-left scripts included.
// What is removed: characters XML 1.0 forbids (C0 controls other than TAB/LF/CR, U+FFFE, U+FFFF);
// invalid UTF-8 sequences become U+FFFD. A document built from hostile text therefore stays
// well-formed and inert: "<script>" becomes "&lt;script&gt;", never an element.
#pragma once
#include <string>
#include <string_view>

namespace cpts::doc {

// Valid UTF-8 with only XML 1.0 characters (invalid bytes -> U+FFFD, forbidden controls dropped).
std::string xml_clean(std::string_view text);

// XML text and attribute values (DOCX parts, SVG): & < > " ' escaped, after xml_clean.
std::string xml_escape(std::string_view text);

// HTML text and (quoted) attribute values. The HTML writer produces XHTML-compatible HTML5, so the
// rule is the XML one: & < > " ' escaped, controls dropped.
std::string html_escape(std::string_view text);

// A CSS string literal "…" (for the running header in @page rules): every character outside
// [A-Za-z0-9 space] and below U+00A0 is written as a CSS hex escape, so that neither a quote nor
// "</style>" can end the string or the style element.
std::string css_string(std::string_view text);

// Markdown text: Markdown punctuation backslash-escaped, < > & as HTML entities (a Markdown viewer
// renders raw HTML; entities keep it text), line breaks kept as hard breaks ("  \n").
std::string md_escape(std::string_view text);
// Same for a table cell: "|" escaped and line breaks as "<br>".
std::string md_cell(std::string_view text);

// A file-name-safe ASCII slug: "CPTS Centre Saône-et-Loire" -> "cpts-centre-saone-et-loire".
std::string slug(std::string_view text);

// Decodes one UTF-8 code point at `i` (advancing it); invalid input yields U+FFFD and advances 1.
char32_t next_code_point(std::string_view s, std::size_t& i);
void append_utf8(std::string& out, char32_t cp);

}  // namespace cpts::doc
