// French UI text. Typography: ’ for apostrophes, « » with no-break spaces (U+00A0) inside,
// … as one character; every character must be in font_glyphs.cmake.
#include "strings.hpp"

namespace cpts::ui {

namespace {
const Strings kFrench = {
    .app_name = "Planificateur CPTS",
    .app_tagline = "Projet de santé, financement ACI et calendrier d’une CPTS",

    .menu_file = "Fichier",
    .file_new = "Nouveau",
    .file_open = "Ouvrir…",
    .file_save = "Enregistrer",
    .file_quit = "Quitter",
    .menu_edit = "Édition",
    .edit_undo = "Annuler",
    .edit_redo = "Rétablir",
    .menu_view = "Affichage",
    .view_theme_light = "Thème clair",
    .view_theme_dark = "Thème sombre",
    .view_zoom_fmt = "Zoom %d\u00A0%%",
    .menu_help = "Aide",
    .help_about = "À propos…",

    .key_new = "Ctrl+N",
    .key_open = "Ctrl+O",
    .key_save = "Ctrl+S",
    .key_undo = "Ctrl+Z",
    .key_redo = "Ctrl+Y",

    .about_title = "À propos",
    .about_version_fmt = "Version %s",
    .about_build_fmt = "Construit avec %s",
    .about_text_sample = "«\u00A0L’équipe a reçu l’Œuvre du cœur à Noël, très appréciée…\u00A0»",
    .about_amount_label = "Montant d’exemple\u00A0:",
    .about_close = "Fermer",

    .welcome_title = "Bienvenue dans le Planificateur CPTS",
    .welcome_intro =
        "Cet outil aide une communauté professionnelle territoriale de santé à préparer son "
        "projet de santé : missions, indicateurs, financement de l’accord conventionnel "
        "interprofessionnel (ACI) et échéances.",
    .welcome_ready = "Interface prête",
    .welcome_no_project = "Aucun projet ouvert",
    .welcome_hint = "Utilisez le menu Fichier pour créer ou ouvrir un projet\u202F; ↑ ↓ pour parcourir les listes.",

    .status_ready = "Prêt",
    .status_not_yet_fmt = "«\u00A0%s\u00A0»\u00A0: bientôt disponible.",
};
}  // namespace

const Strings& tr() { return kFrench; }

}  // namespace cpts::ui
