#include "io/documents/archive.hpp"

#include <zlib.h>

#include <algorithm>

namespace cpts::doc {

namespace {

void put16(std::string& s, std::uint32_t v) {
  s += static_cast<char>(v & 0xFF);
  s += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& s, std::uint32_t v) {
  put16(s, v & 0xFFFF);
  put16(s, v >> 16);
}
std::uint32_t get16(std::string_view s, std::size_t at) {
  return static_cast<unsigned char>(s[at]) | (static_cast<unsigned char>(s[at + 1]) << 8);
}
std::uint32_t get32(std::string_view s, std::size_t at) { return get16(s, at) | (get16(s, at + 2) << 16); }

// windowBits: -15 raw DEFLATE (ZIP entries), 15 zlib stream (PNG). One call: the whole input is
// in memory, deflateBound gives an output buffer that is always large enough.
std::string deflate_with(std::string_view data, int window_bits) {
  z_stream z{};
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return rc == Z_STREAM_END ? out : std::string();
}

}  // namespace

std::uint32_t crc32(std::string_view data, std::uint32_t crc) {
  return static_cast<std::uint32_t>(
      ::crc32_z(crc, reinterpret_cast<const Bytef*>(data.data()), static_cast<z_size_t>(data.size())));
}

std::string deflate_raw(std::string_view data) { return deflate_with(data, -15); }

std::string zlib_compress(std::string_view data) { return deflate_with(data, 15); }

bool inflate_raw(std::string_view data, std::string& out, std::size_t max_out) {
  z_stream z{};
  if (inflateInit2(&z, -15) != Z_OK) return false;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  const std::size_t start = out.size();
  char buf[65536];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    const std::size_t produced = sizeof buf - z.avail_out;
    if (out.size() - start + produced > max_out) {
      rc = Z_BUF_ERROR;
      break;
    }
    out.append(buf, produced);
    if (rc == Z_BUF_ERROR && z.avail_in == 0) break;  // input ended before the stream did
  }
  inflateEnd(&z);
  return rc == Z_STREAM_END;
}

std::string zip_archive(const std::vector<ZipEntry>& entries, const Date& date) {
  Date d = date.valid() && date.year >= 1980 && date.year <= 2107 ? date : Date{1980, 1, 1};
  const std::uint32_t dos_time = 0;  // 00:00:00
  const std::uint32_t dos_date = static_cast<std::uint32_t>(((d.year - 1980) << 9) | (d.month << 5) | d.day);
  std::string out, central;
  for (const ZipEntry& e : entries) {
    std::string body = e.deflate ? deflate_raw(e.data) : e.data;
    const std::uint16_t method = e.deflate ? 8 : 0;
    const std::uint32_t crc = crc32(e.data), offset = static_cast<std::uint32_t>(out.size());
    // Local file header (APPNOTE 4.3.7).
    put32(out, 0x04034b50);
    put16(out, 20);                 // version needed: 2.0 (deflate)
    put16(out, 0x0800);             // flags: bit 11, names are UTF-8
    put16(out, method);
    put16(out, dos_time);
    put16(out, dos_date);
    put32(out, crc);
    put32(out, static_cast<std::uint32_t>(body.size()));
    put32(out, static_cast<std::uint32_t>(e.data.size()));
    put16(out, static_cast<std::uint32_t>(e.name.size()));
    put16(out, 0);                  // extra field length
    out += e.name;
    out += body;
    // Central directory header (APPNOTE 4.3.12).
    put32(central, 0x02014b50);
    put16(central, 20);             // version made by: 2.0, MS-DOS attributes
    put16(central, 20);
    put16(central, 0x0800);
    put16(central, method);
    put16(central, dos_time);
    put16(central, dos_date);
    put32(central, crc);
    put32(central, static_cast<std::uint32_t>(body.size()));
    put32(central, static_cast<std::uint32_t>(e.data.size()));
    put16(central, static_cast<std::uint32_t>(e.name.size()));
    put16(central, 0);              // extra
    put16(central, 0);              // comment
    put16(central, 0);              // disk number start
    put16(central, 0);              // internal attributes
    put32(central, 0);              // external attributes
    put32(central, offset);
    central += e.name;
  }
  const std::uint32_t cd_offset = static_cast<std::uint32_t>(out.size());
  out += central;
  // End of central directory record (APPNOTE 4.3.16).
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put32(out, static_cast<std::uint32_t>(central.size()));
  put32(out, cd_offset);
  put16(out, 0);
  return out;
}

bool zip_read(std::string_view zip, std::vector<ZipReadEntry>& out, std::string& error) {
  out.clear();
  if (zip.size() < 22) {
    error = "archive trop courte";
    return false;
  }
  std::size_t eocd = zip.size() - 22;  // we write no archive comment
  while (true) {
    if (get32(zip, eocd) == 0x06054b50) break;
    if (eocd == 0 || zip.size() - eocd > 22 + 65535) {
      error = "fin de répertoire central introuvable";
      return false;
    }
    --eocd;
  }
  std::uint32_t count = get16(zip, eocd + 10), cd_size = get32(zip, eocd + 12), cd_off = get32(zip, eocd + 16);
  if (static_cast<std::size_t>(cd_off) + cd_size > eocd) {
    error = "répertoire central hors de l’archive";
    return false;
  }
  std::size_t p = cd_off;
  for (std::uint32_t k = 0; k < count; ++k) {
    if (p + 46 > eocd || get32(zip, p) != 0x02014b50) {
      error = "entrée du répertoire central invalide";
      return false;
    }
    ZipReadEntry e;
    e.method = static_cast<std::uint16_t>(get16(zip, p + 10));
    e.crc = get32(zip, p + 16);
    e.compressed_size = get32(zip, p + 20);
    e.size = get32(zip, p + 24);
    std::uint32_t name_len = get16(zip, p + 28), extra = get16(zip, p + 30), comment = get16(zip, p + 32);
    std::uint32_t local = get32(zip, p + 42);
    if (p + 46 + name_len > eocd) {
      error = "nom d’entrée tronqué";
      return false;
    }
    e.name = std::string(zip.substr(p + 46, name_len));
    p += 46 + name_len + extra + comment;
    if (static_cast<std::size_t>(local) + 30 > zip.size() || get32(zip, local) != 0x04034b50) {
      error = "en-tête local invalide pour " + e.name;
      return false;
    }
    std::uint32_t lname = get16(zip, local + 26), lextra = get16(zip, local + 28);
    std::size_t data_at = static_cast<std::size_t>(local) + 30 + lname + lextra;
    if (std::string_view(zip.substr(local + 30, lname)) != e.name || data_at + e.compressed_size > cd_off) {
      error = "en-tête local incohérent pour " + e.name;
      return false;
    }
    e.data = std::string(zip.substr(data_at, e.compressed_size));
    std::string plain;
    if (e.method == 8 && !inflate_raw(e.data, plain, e.size)) {
      error = "données compressées illisibles pour " + e.name;
      return false;
    }
    const std::string& content = e.method == 8 ? plain : e.data;
    if ((e.method != 0 && e.method != 8) || content.size() != e.size || crc32(content) != e.crc) {
      error = "CRC-32 ou taille faux pour " + e.name;
      return false;
    }
    if (e.method == 8) e.data = std::move(plain);
    out.push_back(std::move(e));
  }
  return true;
}

}  // namespace cpts::doc
