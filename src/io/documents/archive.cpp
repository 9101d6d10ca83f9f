#include "io/documents/archive.hpp"

#include <array>

namespace cpts::doc {

namespace {

const std::array<std::uint32_t, 256>& crc_table() {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  return table;
}

// Bits are packed from the least significant bit of each byte (RFC 1951 §3.1.1).
class BitWriter {
 public:
  explicit BitWriter(std::string& out) : out_(out) {}
  void bits(std::uint32_t value, int count) {  // value's low `count` bits, LSB first
    acc_ |= static_cast<std::uint64_t>(value) << n_;
    n_ += count;
    while (n_ >= 8) {
      out_ += static_cast<char>(acc_ & 0xFF);
      acc_ >>= 8;
      n_ -= 8;
    }
  }
  void huffman(std::uint32_t code, int length) {  // Huffman codes go most significant bit first
    std::uint32_t rev = 0;
    for (int i = 0; i < length; ++i) rev |= ((code >> i) & 1u) << (length - 1 - i);
    bits(rev, length);
  }
  void flush() {
    if (n_ > 0) out_ += static_cast<char>(acc_ & 0xFF);
    acc_ = 0;
    n_ = 0;
  }

 private:
  std::string& out_;
  std::uint64_t acc_ = 0;
  int n_ = 0;
};

// Fixed literal/length code (RFC 1951 §3.2.6).
void put_litlen(BitWriter& w, int sym) {
  if (sym < 144) w.huffman(0x30 + sym, 8);
  else if (sym < 256) w.huffman(0x190 + (sym - 144), 9);
  else if (sym < 280) w.huffman(sym - 256, 7);
  else w.huffman(0xC0 + (sym - 280), 8);
}

const int kLenBase[29] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
const int kLenExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
const int kDistBase[30] = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
const int kDistExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

void put_match(BitWriter& w, int length, int distance) {
  int li = 28;
  while (kLenBase[li] > length) --li;
  put_litlen(w, 257 + li);
  if (kLenExtra[li]) w.bits(static_cast<std::uint32_t>(length - kLenBase[li]), kLenExtra[li]);
  int di = 29;
  while (kDistBase[di] > distance) --di;
  w.huffman(static_cast<std::uint32_t>(di), 5);
  if (kDistExtra[di]) w.bits(static_cast<std::uint32_t>(distance - kDistBase[di]), kDistExtra[di]);
}

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

}  // namespace

std::uint32_t crc32(std::string_view data, std::uint32_t crc) {
  const auto& t = crc_table();
  crc = ~crc;
  for (unsigned char b : data) crc = t[(crc ^ b) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

std::uint32_t adler32(std::string_view data) {
  std::uint32_t a = 1, b = 0;
  for (unsigned char c : data) {
    a = (a + c) % 65521;
    b = (b + a) % 65521;
  }
  return (b << 16) | a;
}

std::string deflate_raw(std::string_view data) {
  std::string out;
  BitWriter w(out);
  w.bits(1, 1);  // BFINAL: one block
  w.bits(1, 2);  // BTYPE 01: fixed Huffman codes
  // LZ77 with hash chains over 3-byte prefixes, window 32 KiB, bounded chain walk.
  constexpr int kHashBits = 15, kWindow = 32768, kMaxChain = 48, kMinMatch = 3, kMaxMatch = 258;
  std::vector<int> head(1 << kHashBits, -1), prev(data.size(), -1);
  auto hash = [&](std::size_t i) {
    std::uint32_t v = (static_cast<unsigned char>(data[i]) << 16) | (static_cast<unsigned char>(data[i + 1]) << 8) |
                      static_cast<unsigned char>(data[i + 2]);
    return (v * 2654435761u) >> (32 - kHashBits);
  };
  auto insert = [&](std::size_t i) {
    if (i + kMinMatch > data.size()) return;
    std::uint32_t h = hash(i);
    prev[i] = head[h];
    head[h] = static_cast<int>(i);
  };
  std::size_t i = 0;
  const std::size_t n = data.size();
  while (i < n) {
    int best_len = 0, best_dist = 0;
    if (i + kMinMatch <= n) {
      int cand = head[hash(i)];
      int chain = kMaxChain;
      const std::size_t limit = std::min<std::size_t>(kMaxMatch, n - i);
      while (cand >= 0 && chain-- > 0 && static_cast<int>(i) - cand <= kWindow) {
        std::size_t len = 0;
        while (len < limit && data[cand + len] == data[i + len]) ++len;
        if (static_cast<int>(len) > best_len) {
          best_len = static_cast<int>(len);
          best_dist = static_cast<int>(i) - cand;
          if (len == limit) break;
        }
        cand = prev[cand];
      }
    }
    if (best_len >= kMinMatch) {
      put_match(w, best_len, best_dist);
      for (int k = 0; k < best_len; ++k) insert(i + k);
      i += best_len;
    } else {
      put_litlen(w, static_cast<unsigned char>(data[i]));
      insert(i);
      ++i;
    }
  }
  put_litlen(w, 256);  // end of block
  w.flush();
  return out;
}

std::string zlib_compress(std::string_view data) {
  std::string out;
  out += static_cast<char>(0x78);  // CM 8, CINFO 7 (32 KiB window)
  out += static_cast<char>(0x01);  // FLEVEL 0, FCHECK: (0x78 * 256 + 0x01) % 31 == 0
  out += deflate_raw(data);
  std::uint32_t a = adler32(data);
  for (int s = 24; s >= 0; s -= 8) out += static_cast<char>((a >> s) & 0xFF);
  return out;
}

namespace {

class BitReader {
 public:
  explicit BitReader(std::string_view d) : d_(d) {}
  bool bits(int count, std::uint32_t& v) {
    v = 0;
    for (int i = 0; i < count; ++i) {
      if (pos_ >= d_.size() * 8) return false;
      v |= ((static_cast<unsigned char>(d_[pos_ / 8]) >> (pos_ % 8)) & 1u) << i;
      ++pos_;
    }
    return true;
  }
  bool huffman_bit(std::uint32_t& code) {  // appends one bit to a most-significant-first code
    std::uint32_t b;
    if (!bits(1, b)) return false;
    code = (code << 1) | b;
    return true;
  }
  void align() { pos_ = (pos_ + 7) / 8 * 8; }
  std::size_t byte_pos() const { return pos_ / 8; }
  void skip_bytes(std::size_t n) { pos_ += n * 8; }

 private:
  std::string_view d_;
  std::size_t pos_ = 0;
};

// Reads one fixed-code literal/length symbol (RFC 1951 §3.2.6).
bool get_litlen(BitReader& r, int& sym) {
  std::uint32_t code = 0;
  for (int len = 1; len <= 9; ++len) {
    if (!r.huffman_bit(code)) return false;
    if (len == 7 && code <= 0x17) { sym = 256 + static_cast<int>(code); return true; }
    if (len == 8 && code >= 0x30 && code <= 0xBF) { sym = static_cast<int>(code) - 0x30; return true; }
    if (len == 8 && code >= 0xC0 && code <= 0xC7) { sym = 280 + static_cast<int>(code) - 0xC0; return true; }
    if (len == 9 && code >= 0x190) { sym = 144 + static_cast<int>(code) - 0x190; return true; }
  }
  return false;
}

}  // namespace

bool inflate_raw(std::string_view data, std::string& out) {
  BitReader r(data);
  std::uint32_t final_block = 0, type = 0;
  do {
    if (!r.bits(1, final_block) || !r.bits(2, type)) return false;
    if (type == 0) {
      r.align();
      std::size_t at = r.byte_pos();
      if (at + 4 > data.size()) return false;
      std::uint32_t len = get16(data, at), nlen = get16(data, at + 2);
      if ((len ^ 0xFFFF) != nlen || at + 4 + len > data.size()) return false;
      out.append(data.substr(at + 4, len));
      r.skip_bytes(4 + len);
    } else if (type == 1) {
      while (true) {
        int sym = 0;
        if (!get_litlen(r, sym)) return false;
        if (sym < 256) { out += static_cast<char>(sym); continue; }
        if (sym == 256) break;
        if (sym > 285) return false;
        std::uint32_t extra = 0, dcode = 0, dextra = 0;
        if (!r.bits(kLenExtra[sym - 257], extra)) return false;
        std::size_t length = static_cast<std::size_t>(kLenBase[sym - 257]) + extra;
        for (int i = 0; i < 5; ++i)
          if (!r.huffman_bit(dcode)) return false;
        if (dcode > 29 || !r.bits(kDistExtra[dcode], dextra)) return false;
        std::size_t dist = static_cast<std::size_t>(kDistBase[dcode]) + dextra;
        if (dist > out.size()) return false;
        for (std::size_t k = 0; k < length; ++k) out += out[out.size() - dist];
      }
    } else {
      return false;
    }
  } while (!final_block);
  return true;
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
    if (e.method == 8 && !inflate_raw(e.data, plain)) {
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
