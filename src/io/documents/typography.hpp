// French typography of the documents' text (issue #14 item 8), applied once by each writer
// (HTML, DOCX, Markdown) to the whole document before it escapes the text, so that no builder has
// to remember it: the space before « : ; ? ! » and inside « » becomes a narrow no-break space
// (U+202F, "espace fine insécable", Imprimerie nationale, Lexique des règles typographiques), so a
// line never starts with ": démarrage" nor ends with "«". Only existing spaces (ASCII or U+00A0)
// are changed: "10:30", "https://" and "A1:" stay as typed.
//
// Charts (Figure::drawing) are left alone: their labels never wrap, and the PNG rasteriser's font
// subset has no U+202F.
#pragma once
#include <string>
#include <string_view>

#include "io/documents/doc_model.hpp"

namespace cpts::doc {

// "Date : 18/10/2022 ; « Accès »" -> "Date\u202F: 18/10/2022\u202F; «\u202FAccès\u202F»".
std::string french_spacing(std::string_view text);

// The document with french_spacing applied to every text it prints (metadata, cover, headings,
// paragraphs, lists, tables, figure captions) when its language is French; else an unchanged copy.
Document typeset(const Document& d);

}  // namespace cpts::doc
