#include "io/documents/documents.hpp"
#include "io/documents/escape.hpp"

namespace cpts {

const char* doc_kind_label_fr(DocKind k) {
  switch (k) {
    case DocKind::ProjetDeSante: return "Projet de santé";
    case DocKind::Annexe: return "Annexe des indicateurs";
    case DocKind::RapportAnnuel: return "Rapport annuel";
    case DocKind::TableauDeBord: return "Tableau de bord — revue annuelle";
  }
  return "";
}

bool doc_kind_has_year(DocKind k) { return k == DocKind::RapportAnnuel || k == DocKind::TableauDeBord; }

doc::Document build_document(const Project& p, DocKind kind, const DocOptions& o) {
  switch (kind) {
    case DocKind::ProjetDeSante: return build_projet_de_sante(p, o);
    case DocKind::Annexe: return build_annexe(p, o);
    case DocKind::RapportAnnuel: return build_rapport_annuel(p, o);
    case DocKind::TableauDeBord: return build_tableau_de_bord(p, o);
  }
  return build_projet_de_sante(p, o);
}

const char* doc_format_extension(DocFormat f) {
  switch (f) {
    case DocFormat::Html: return "html";
    case DocFormat::Docx: return "docx";
    case DocFormat::Markdown: return "md";
  }
  return "";
}

const char* doc_format_mime(DocFormat f) {
  switch (f) {
    case DocFormat::Html: return "text/html; charset=utf-8";
    case DocFormat::Docx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    case DocFormat::Markdown: return "text/markdown; charset=utf-8";
  }
  return "application/octet-stream";
}

RenderedDocument render_document(const Project& p, DocKind kind, DocFormat format, int year, const Date& date) {
  RenderedDocument out;
  if (doc_kind_has_year(kind) && (year < 1 || year > kContractYears)) {
    out.error = "année de contrat " + std::to_string(year) + " hors du contrat : choisir une année de 1 à " + std::to_string(kContractYears);
    return out;
  }
  DocOptions o;
  o.year = year;
  o.date = date;
  doc::Document d = build_document(p, kind, o);
  out.bytes = format == DocFormat::Html ? write_html(d) : format == DocFormat::Docx ? write_docx(d) : write_markdown(d);
  const char* stem = kind == DocKind::ProjetDeSante ? "projet-de-sante"
                     : kind == DocKind::Annexe      ? "annexe-indicateurs"
                     : kind == DocKind::RapportAnnuel ? "rapport-annuel"
                                                      : "tableau-de-bord";
  out.file_name = std::string(stem) + (doc_kind_has_year(kind) ? "-annee-" + std::to_string(year) : std::string()) + "-" +
                  doc::slug(p.identity.name) + "." + doc_format_extension(format);
  out.mime = doc_format_mime(format);
  out.ok = true;
  return out;
}

}  // namespace cpts
