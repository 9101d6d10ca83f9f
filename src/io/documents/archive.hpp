// The ZIP container of DOCX files (APPNOTE 6.3.x: entries stored or deflated, no ZIP64, no data
// descriptors) and a ZIP reader for the tests and for checking our own files. Compression and
// checksums are zlib's (cpts_zlib): one compression path for DOCX, the documents' PNG figures and
// the UI's screenshots, from a library that the whole world tests (issue #16).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/civil_date.hpp"

namespace cpts::doc {

// CRC-32 (ISO-HDLC, the one of ZIP and PNG), continued from `crc`: zlib's crc32.
std::uint32_t crc32(std::string_view data, std::uint32_t crc = 0);

// Raw DEFLATE stream (no zlib header), zlib's default level.
std::string deflate_raw(std::string_view data);
// zlib stream (RFC 1950), zlib's default level: what PNG's IDAT holds.
std::string zlib_compress(std::string_view data);
// Decompresses a raw DEFLATE stream; false on malformed or truncated input, or when the output
// would exceed `max_out` bytes (a zip bomb stops there).
bool inflate_raw(std::string_view data, std::string& out, std::size_t max_out = std::size_t{1} << 30);

struct ZipEntry {
  std::string name;      // "word/document.xml"
  std::string data;      // uncompressed bytes
  bool deflate = true;   // false: stored (already compressed data, e.g. PNG)
};

// A ZIP archive holding `entries` in that order (DOCX wants [Content_Types].xml first). `date`
// is the modification date written for every entry (DOS format, 1980–2107; 01/01/1980 if invalid).
std::string zip_archive(const std::vector<ZipEntry>& entries, const Date& date = {});

struct ZipReadEntry {
  std::string name;
  std::uint16_t method = 0;    // 0 stored, 8 deflated
  std::uint32_t crc = 0, compressed_size = 0, size = 0;
  std::string data;            // uncompressed content
};
// Parses the central directory and checks every entry's CRC-32 (deflated entries are inflated
// with inflate_raw, never beyond their declared size); false when the archive is malformed (error
// says why).
bool zip_read(std::string_view zip, std::vector<ZipReadEntry>& out, std::string& error);

}  // namespace cpts::doc
