// cpts-cli — everything the planner computes, printed from a project file.
// Exit codes: 0 ok, 1 findings or errors in the file, 2 usage (unknown verb, missing argument,
// unreadable file).
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cli_verbs.hpp"
#include "model/version.hpp"

namespace {

const char* const kHelp =
    "cpts-cli %s — planificateur de projet de santé de CPTS (ACI)\n"
    "\n"
    "Usage : cpts-cli VERBE [options]\n"
    "\n"
    "  validate FICHIER                 vérifie le format du fichier projet (.json)\n"
    "  check FICHIER [--json]           liste les constats de vérification (code 1 s'il y a un bloquant)\n"
    "  simulate FICHIER [--json] [--scenario S] [--monte-carlo N] [--seed GRAINE]\n"
    "                                   financement ACI par année de contrat et par mission\n"
    "  schedule FICHIER [--json] [--scenario S]\n"
    "                                   échéancier daté des versements ; chaque ligne dit sa base\n"
    "                                   (fixe, plafond, prévision, constaté)\n"
    "  export --csv indicateurs|echeancier FICHIER [--scenario S] [-o SORTIE]\n"
    "                                   export CSV pour tableur (séparateur « ; », UTF-8 avec BOM)\n"
    "  export --xlsx FICHIER [--scenario S] -o CLASSEUR.xlsx\n"
    "                                   classeur Excel/LibreOffice : financement par année de contrat et\n"
    "                                   civile, échéancier, indicateurs et paliers, budget, communes\n"
    "                                   (totaux en formules)\n"
    "  export --html|--docx|--md projet|annexe|rapport|tableau [--annee N] [--scenario S] FICHIER [-o SORTIE]\n"
    "                                   documents : projet de santé, annexe des indicateurs du contrat,\n"
    "                                   rapport annuel de l'année de contrat N (par défaut : la dernière\n"
    "                                   année renseignée), tableau de bord d'une page pour le conseil\n"
    "                                   d'administration (par défaut : l'année en cours) ; HTML imprimable\n"
    "                                   (A4), Word (.docx) ou Markdown\n"
    "  suivi FICHIER [--annee N] [--date AAAA-MM-JJ] [--json]\n"
    "                                   tableau de bord d'une année de contrat (par défaut : celle de la\n"
    "                                   date, aujourd'hui sans --date) : statut de chaque indicateur\n"
    "                                   (atteint, en bonne voie, à risque, non renseigné), part variable\n"
    "                                   acquise, en jeu et perdue par mission (scénario constaté), points\n"
    "                                   à traiter avant la revue annuelle\n"
    "  review DOSSIER|FICHIERS… [--csv|--html|--json] [--scenario S] [-o SORTIE]\n"
    "                                   revue de plusieurs CPTS : une ligne par projet (taille, signature,\n"
    "                                   financement plafond et scénario par année, part à risque, constats,\n"
    "                                   montants estimés), totaux en bas ; un fichier refusé est une ligne\n"
    "                                   avec son erreur (code 1)\n"
    "  migrate FICHIER [-o SORTIE]      réécrit un fichier d'une version antérieure au format actuel\n"
    "  migrate FICHIER --catalogue CAT [-o SORTIE]\n"
    "                                   réécrit le projet sous le catalogue CAT, intégré au fichier\n"
    "                                   s'il n'est pas fourni avec l'application\n"
    "  repair FICHIER [-o SORTIE]       répare un fichier refusé pour une raison qu'écrivaient les versions\n"
    "                                   antérieures (référence vers rien, mission inconnue du catalogue,\n"
    "                                   identifiants en double) et liste chaque modification ; FICHIER\n"
    "                                   n'est jamais modifié\n"
    "  new --from-sample NOM [-o SORTIE]\n"
    "                                   crée un projet à partir d'un exemple (sans NOM : liste)\n"
    "  schema [projet|catalogue] [--markdown] [-o SORTIE]\n"
    "                                   format du fichier : schéma JSON (draft 2020-12) ou document Markdown\n"
    "  import --table communes|professionnels|diagnostic|actions|indicateurs TABLEAU FICHIER\n"
    "         (-o SORTIE | --dry-run)\n"
    "                                   importe un tableau (.csv, .tsv, .xlsx : tableur, annexe du contrat)\n"
    "                                   et affiche l'aperçu ligne par ligne (création, mise à jour, refus) ;\n"
    "                                   une ligne refusée et rien n'est écrit (code 1)\n"
    "  library list [--mission ID] [--search MOT] [--json]\n"
    "                                   bibliothèque de fiches-actions types\n"
    "  library insert ENTREE FICHIER [-o SORTIE] [--library BIBLIOTHEQUE.json]\n"
    "                                   insère une fiche type dans un projet\n"
    "  communes search TEXTE [--json] [--max N] [--epci]\n"
    "                                   cherche une commune (nom, code INSEE ou postal) ou, avec --epci,\n"
    "                                   une intercommunalité (nom ou SIREN) dans la liste officielle\n"
    "  territoire add (--commune CODE… | --epci SIREN) FICHIER [-o SORTIE]\n"
    "                                   ajoute des communes ou toutes celles d'une intercommunalité\n"
    "  territoire update-populations FICHIER [-o SORTIE]\n"
    "                                   met les populations à jour depuis la liste officielle\n"
    "                                   (--communes-table TABLE : une autre table que celle de la construction)\n"
    "  compare-catalogues FICHIER --catalogue AUTRE [--scenario S]\n"
    "                                   financement du projet sous son catalogue (A) et sous AUTRE (B),\n"
    "                                   par année et par mission, avec la différence B − A\n"
    "  --catalogue FICHIER|ID           (validate, check, simulate, schedule, export) charge un catalogue\n"
    "                                   au format de « schema catalogue » et calcule le projet avec lui\n"
    "  --version, --help\n"
    "\n"
    "Scénario S : plafond, pessimiste, realiste, optimiste ou constate (valeurs relevées, réaliste\n"
    "ailleurs) ; sans --scenario, celui enregistré dans le projet (contract.scenario, plafond par défaut).\n"
    "\n"
    "Codes de sortie : 0 succès, 1 constats ou erreurs, 2 usage (commande ou option inconnue).\n";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::fprintf(stderr, kHelp, cpts::version());
    return 2;
  }
  const std::string verb = args[0];
  args.erase(args.begin());
  if (verb == "--version") {
    std::printf("cpts-cli %s (%s)\n", cpts::version(), cpts::build_info());
    return 0;
  }
  if (verb == "--help" || verb == "-h" || verb == "help") {
    std::printf(kHelp, cpts::version());
    return 0;
  }
  return cpts::cli::run_verb(verb, args);
}
