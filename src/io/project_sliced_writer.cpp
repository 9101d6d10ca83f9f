#include "io/project_sliced_writer.hpp"

#include <chrono>

#include "io/project_field_writer.hpp"

namespace cpts {

using field_io::FieldWriter;

// Walks the schema's description of the snapshot (model/schema.hpp) once, at the start, and turns
// it into units: a member written whole (a text, a number, a map…), the opening and closing of an
// object, or a list written one element per call. Nothing is written here: only what to write, by
// reference to the snapshot, which the writer keeps alive and nobody modifies.
class SlicedCollector {
 public:
  explicit SlicedCollector(SlicedProjectWriter& w) : w_(w) {}

  template <class T>
  void constant(const char* key, const T& value) {
    member(key, [key, value](FieldWriter& fw) { fw.constant(key, value); });
  }
  void text(const char* key, const std::string& s, const Field& f) {
    member(key, [key, &s, f](FieldWriter& fw) { fw.text(key, s, f); });
  }
  void id(const char* key, const std::string& s, const Field& f) {
    member(key, [key, &s, f](FieldWriter& fw) { fw.id(key, s, f); });
  }
  void boolean(const char* key, bool b, const Field& f) {
    member(key, [key, b, f](FieldWriter& fw) { fw.boolean(key, b, f); });
  }
  template <class I>
  void integer(const char* key, I x, const Field& f) {
    member(key, [key, x, f](FieldWriter& fw) { fw.integer(key, x, f); });
  }
  void calendar_year(const char* key, int x, const Field& f) {
    member(key, [key, x, f](FieldWriter& fw) { fw.calendar_year(key, x, f); });
  }
  void contract_year(const char* key, int x, const Field& f) {
    member(key, [key, x, f](FieldWriter& fw) { fw.contract_year(key, x, f); });
  }
  void cents(const char* key, Cents x, const Field& f) {
    member(key, [key, x, f](FieldWriter& fw) { fw.cents(key, x, f); });
  }
  void number(const char* key, double x, const Field& f) {
    member(key, [key, x, f](FieldWriter& fw) { fw.number(key, x, f); });
  }
  void probability(const char* key, double x, const Field& f) {
    member(key, [key, x, f](FieldWriter& fw) { fw.probability(key, x, f); });
  }
  void optional_number(const char* key, const std::optional<double>& x, const Field& f) {
    member(key, [key, &x, f](FieldWriter& fw) { fw.optional_number(key, x, f); });
  }
  void date(const char* key, const Date& d, const Field& f) {
    member(key, [key, &d, f](FieldWriter& fw) { fw.date(key, d, f); });
  }
  void date(const char* key, const std::optional<Date>& d, const Field& f) {  // issue #19's optional fields
    member(key, [key, &d, f](FieldWriter& fw) { fw.date(key, d, f); });
  }
  void calendar_year(const char* key, const std::optional<int>& x, const Field& f) {
    member(key, [key, &x, f](FieldWriter& fw) { fw.calendar_year(key, x, f); });
  }
  template <class E>
  void enumeration(const char* key, E e, const Words& words, const Field& f) {
    member(key, [key, e, &words, f](FieldWriter& fw) { fw.enumeration(key, e, words, f); });
  }
  void strings(const char* key, const std::vector<std::string>& v, const Field& f) {
    member(key, [key, &v, f](FieldWriter& fw) { fw.strings(key, v, f); });
  }
  template <class V>
  void year_map(const char* key, const std::map<int, V>& m, const Field& f) {
    member(key, [key, &m, f](FieldWriter& fw) { fw.year_map(key, m, f); });
  }
  void fingerprints(const char* key, const std::map<std::string, std::uint64_t>& m, const Field& f) {
    member(key, [key, &m, f](FieldWriter& fw) { fw.fingerprints(key, m, f); });
  }
  void project(const char* key, const std::shared_ptr<const Project>& p, const Field& f) {
    member(key, [key, &p, f](FieldWriter& fw) { fw.project(key, p, f); });
  }
  void catalogue(const char* key, const std::string& text, const Field& f) {
    member(key, [key, &text, f](FieldWriter& fw) { fw.catalogue(key, text, f); });
  }

  // An object: its members become units of their own, so that its lists are sliced too.
  template <class T>
  void object(const char* key, const T& x, const Field& f) {
    if constexpr (requires { is_empty(x); })
      if (f.omit_empty && is_empty(x)) return;  // decided now: the snapshot does not change
    add([key](SlicedProjectWriter& w, std::size_t) {
      w.open_member(key);
      w.push_object();
    });
    fields(x, *this);
    add([](SlicedProjectWriter& w, std::size_t) { w.pop_object(); });
  }
  template <class F>
  void section(const char* key, const Field&, F visit) {
    add([key](SlicedProjectWriter& w, std::size_t) {
      w.open_member(key);
      w.push_object();
    });
    visit(*this);
    add([](SlicedProjectWriter& w, std::size_t) { w.pop_object(); });
  }
  // A list: one element per call, each written whole by the canonical writer.
  template <class T>
  void list(const char* key, const std::vector<T>& v, const Field& f) {
    if (f.omit_empty && v.empty()) return;
    SlicedProjectWriter::Unit u;
    u.count = v.empty() ? 1 : v.size();
    u.write = [key, &v](SlicedProjectWriter& w, std::size_t i) {
      std::string& out = w.out_;
      const int depth = w.frames_.back().depth;  // of the object holding the list
      if (i == 0) {
        w.open_member(key);
        if (v.empty()) {
          out += "[]";
          return;
        }
        out += "[\n";
      } else {
        out += ",\n";
      }
      const int indent = 2 * (depth + 2);  // the list is at depth + 1, its elements one further
      out.append(static_cast<std::size_t>(indent), ' ');
      w.value(FieldWriter::write(v[i]), indent);
      if (i + 1 == v.size()) {
        out += '\n';
        out.append(static_cast<std::size_t>(2 * (depth + 1)), ' ');
        out += ']';
      }
    };
    w_.units_.push_back(std::move(u));
  }

  void add(std::function<void(SlicedProjectWriter&, std::size_t)> f) { w_.units_.push_back({std::move(f), 1}); }

 private:
  // A member written whole: the canonical writer fills a one-member object (or leaves it empty
  // when the field is omitted), then its value is serialised at its place's indentation.
  template <class F>
  void member(const char* key, F write_into) {
    add([key, write_into](SlicedProjectWriter& w, std::size_t) {
      OrderedJson one = OrderedJson::object();
      FieldWriter fw(one);
      write_into(fw);
      if (one.empty()) return;  // omit_empty
      w.open_member(key);
      w.value(one.front(), 2 * (w.frames_.back().depth + 1));
    });
  }

  SlicedProjectWriter& w_;
};

SlicedProjectWriter::SlicedProjectWriter(std::shared_ptr<const Project> snapshot, std::size_t reserve)
    : snapshot_(std::move(snapshot)) {
  out_.reserve(reserve);
  SlicedCollector c(*this);
  c.add([](SlicedProjectWriter& w, std::size_t) { w.push_object(); });
  fields(*snapshot_, c);
  c.add([](SlicedProjectWriter& w, std::size_t) {
    w.pop_object();
    w.out_ += '\n';  // dump_canonical's final newline
  });
}

bool SlicedProjectWriter::step(double budget_ms) {
  if (done()) return true;
  ++steps_;
  const auto t0 = std::chrono::steady_clock::now();
  const auto budget = std::chrono::duration<double, std::milli>(budget_ms);
  do {
    Unit& u = units_[next_];
    u.write(*this, element_);
    if (++element_ >= u.count) {
      element_ = 0;
      ++next_;
    }
  } while (!done() && std::chrono::steady_clock::now() - t0 < budget);
  return done();
}

// As nlohmann's serializer does with indent step 2: an object's "{" opens on its first member,
// members are separated by ",\n", and an object left without members is "{}".
void SlicedProjectWriter::open_member(const char* key) {
  Frame& f = frames_.back();
  out_ += f.opened ? ",\n" : "{\n";
  f.opened = true;
  out_.append(static_cast<std::size_t>(2 * (f.depth + 1)), ' ');
  out_ += '"';
  out_ += key;  // the schema's keys are plain identifiers: nothing to escape
  out_ += "\": ";
}

void SlicedProjectWriter::push_object() { frames_.push_back({frames_.empty() ? 0 : frames_.back().depth + 1, false}); }

void SlicedProjectWriter::pop_object() {
  const Frame f = frames_.back();
  frames_.pop_back();
  if (!f.opened) {
    out_ += "{}";
    return;
  }
  out_ += '\n';
  out_.append(static_cast<std::size_t>(2 * f.depth), ' ');
  out_ += '}';
}

// The value as it is inside the whole document: nlohmann's own serializer, started at the
// indentation the value has there, with dump_canonical's options (no ASCII escaping, invalid UTF-8
// replaced).
void SlicedProjectWriter::value(const OrderedJson& v, int indent) {
  nlohmann::detail::serializer<OrderedJson> s(nlohmann::detail::output_adapter<char, std::string>(out_), ' ',
                                              nlohmann::detail::error_handler_t::replace);
  s.dump(v, true, false, 2, static_cast<unsigned int>(indent));
}

}  // namespace cpts
