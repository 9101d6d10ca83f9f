// Byte formats the DOCX writer needs, written here because the core must build without zlib
// (the web build has no offline zlib): CRC-32, Adler-32, a small DEFLATE compressor (fixed
// Huffman codes + LZ77, RFC 1951), a ZIP writer (APPNOTE 6.3.x: entries stored or deflated,
// no ZIP64, no data descriptors) and a ZIP reader for the tests and for checking our own files.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/civil_date.hpp"

namespace cpts::doc {

std::uint32_t crc32(std::string_view data, std::uint32_t crc = 0);
std::uint32_t adler32(std::string_view data);

// Raw DEFLATE stream (no zlib header) using the fixed Huffman codes and LZ77 matches.
std::string deflate_raw(std::string_view data);
// zlib stream (RFC 1950): header, deflate_raw, Adler-32.
std::string zlib_compress(std::string_view data);
// Decompresses a raw DEFLATE stream made of stored and fixed-Huffman blocks (what deflate_raw
// writes; dynamic-Huffman blocks are refused). False on malformed input.
bool inflate_raw(std::string_view data, std::string& out);

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
// with inflate_raw); false when the archive is malformed (error says why).
bool zip_read(std::string_view zip, std::vector<ZipReadEntry>& out, std::string& error);

}  // namespace cpts::doc
