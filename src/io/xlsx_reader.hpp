// The first sheet of an .xlsx workbook as a grid of cell texts (table_grid.hpp), read with minizip
// (unzip, zlib's inflate) and expat (the sheet's XML, shared strings, styles).
//
// Cells come out as the spreadsheet shows them, in French: numbers with a decimal comma ("66,26"),
// percent-formatted numbers as "69,7 %", date-formatted serials as "18/10/2022", booleans as
// VRAI/FAUX, so the import reads them like pasted text. A merged area takes the value of its
// top-left cell in every cell (a mission written once for its rows applies to each). A formula
// gives its cached value; one without a cached value, or an error value (#DIV/0!), is refused with
// its place. Refused with a French message: not a zip, truncated or corrupt (CRC), encrypted
// (password), a part that inflates past kMaxXlsxInflated (zip bomb), too many rows or columns.
#pragma once
#include <cstddef>
#include <string_view>

#include "io/table_grid.hpp"

namespace cpts {

constexpr std::size_t kMaxXlsxBytes = 32u << 20;     // the .xlsx file itself
constexpr std::size_t kMaxXlsxInflated = 64u << 20;  // one part once inflated (the sheet, the strings)

// False when the build has no .xlsx reader (the WebAssembly build until minizip and expat are
// built for it): read_xlsx then refuses with a message saying so.
bool xlsx_reader_available();

GridRead read_xlsx(std::string_view bytes);

// Whether `bytes` look like an .xlsx (a zip) or an encrypted Office file (OLE container), so that
// the import picks the reader from the content, whatever the file's name.
bool looks_like_zip(std::string_view bytes);
bool looks_like_ole(std::string_view bytes);

}  // namespace cpts
