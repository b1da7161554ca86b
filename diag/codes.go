package diag

// Code identifies a kind of problem. Codes are stable: tools and tests match
// on them, while messages may be reworded.
type Code string

// Problems with the bytes of a file, before any meaning is read from it.
const (
	CodeTooLarge       Code = "too-large"
	CodeEmpty          Code = "empty"
	CodeBinary         Code = "binary"
	CodeSyntax         Code = "syntax"
	CodeMultipleDocs   Code = "multiple-documents"
	CodeDuplicateKey   Code = "duplicate-key"
	CodeTooManyNodes   Code = "too-many-nodes"
	CodeTooManyLines   Code = "too-many-lines"
	CodeMappingTooLong Code = "mapping-too-large"
	CodeTooDeep        Code = "too-deep"
	CodeKeyNotScalar   Code = "key-not-scalar"
	CodeNotJSON        Code = "not-representable"
	CodeBadMerge       Code = "bad-merge"
	CodeNotMapping     Code = "not-a-mapping"
	CodeUnknownKind    Code = "unknown-kind"
	CodeWrongKind      Code = "wrong-kind"
	CodeUnreadable     Code = "unreadable"
)

// Problems of shape, found by the JSON Schema.
const (
	CodeUnknownKey Code = "unknown-key"
	CodeRequired   Code = "required"
	CodeType       Code = "type"
	CodeEnum       Code = "enum"
	CodePattern    Code = "pattern"
	CodeRange      Code = "out-of-range"
	CodeText       Code = "text"
	CodeRepeated   Code = "repeated-item"
	CodeSchema     Code = "schema"
)

// Problems of meaning inside a rubric or across a set of rubrics.
const (
	CodeDuplicateID       Code = "duplicate-id"
	CodeUnknownReference  Code = "unknown-reference"
	CodeUnknownScale      Code = "unknown-scale"
	CodeUnknownFact       Code = "unknown-fact"
	CodeUnknownCriterion  Code = "unknown-criterion"
	CodeUnknownTier       Code = "unknown-tier"
	CodeUnknownSection    Code = "unknown-section"
	CodeUnknownScore      Code = "unknown-score"
	CodeUnknownBand       Code = "unknown-band"
	CodeUnknownValue      Code = "unknown-value"
	CodePredicateShape    Code = "predicate-shape"
	CodePredicateOperator Code = "predicate-operator"
	CodePredicateValue    Code = "predicate-value"
	CodeAnswerCycle       Code = "answer-cycle"
	CodeScoreCycle        Code = "score-cycle"
	CodeZeroWeights       Code = "zero-weights"
	CodeBandGap           Code = "band-gap"
	CodeBandOverlap       Code = "band-overlap"
	CodeBandBounds        Code = "band-bounds"
	CodeInvalidDate       Code = "invalid-date"
	CodeInvalidVersion    Code = "invalid-version"
	CodeAnswerDefinition  Code = "answer-definition"
	CodeOverride          Code = "override"
	CodeBandCoverage      Code = "band-coverage"
	CodeMissingLanguage   Code = "missing-language"
	CodeUnknownLanguage   Code = "unknown-language"
	CodeDefaultLanguage   Code = "default-language"
	CodeUnknownBase       Code = "unknown-base"
	CodeExtendsCycle      Code = "extends-cycle"
	CodeFactConflict      Code = "fact-conflict"
	CodeDuplicateRubric   Code = "duplicate-rubric"
	CodeScoringMethod     Code = "scoring-method"
	CodeNotApplicable     Code = "not-applicable-refused"
	CodeUnknownAnswer     Code = "unknown-answer"
	CodeUnreadFact        Code = "unread-fact"
	CodeUnusedDefinition  Code = "unused"
)

type template struct {
	message, hint, didYouMean string
}

type entry struct{ en, fr template }

const (
	didYouMeanEN = "did you mean %q?"
	didYouMeanFR = "vouliez-vous dire %q\u00a0?"
)

// catalog holds the message and hint of every code, in English and French.
// {1}, {2}, … stand for the diagnostic's Args.
var catalog = map[Code]entry{
	CodeTooLarge: {
		template{message: "file is larger than the limit of {1} bytes", hint: "split the file, or raise the limit if the file is trusted"},
		template{message: "le fichier dépasse la limite de {1} octets", hint: "découpez le fichier, ou relevez la limite s'il est de confiance"}},
	CodeEmpty: {
		template{message: "file is empty", hint: "a rubric starts with `apiVersion: vigie/v1` and `kind: Rubric`"},
		template{message: "le fichier est vide", hint: "une grille commence par `apiVersion: vigie/v1` et `kind: Rubric`"}},
	CodeBinary: {
		template{message: "file is not UTF-8 text", hint: "save the file as UTF-8 text"},
		template{message: "le fichier n'est pas du texte UTF-8", hint: "enregistrez le fichier en texte UTF-8"}},
	CodeSyntax: {
		template{message: "syntax error: {1}", hint: "{2}"},
		template{message: "erreur de syntaxe\u00a0: {1}", hint: "{2}"}},
	CodeMultipleDocs: {
		template{message: "file holds more than one document", hint: "keep one document per file: remove the `---` separator (or the second JSON value) and what follows, or split the file"},
		template{message: "le fichier contient plusieurs documents", hint: "un seul document par fichier\u00a0: retirez le séparateur `---` (ou la seconde valeur JSON) et la suite, ou découpez le fichier"}},
	CodeDuplicateKey: {
		template{message: "key {1} appears twice in the same mapping (first at {2})", hint: "remove or rename one of the two"},
		template{message: "la clé {1} apparaît deux fois dans le même bloc (d'abord en {2})", hint: "supprimez ou renommez l'une des deux"}},
	CodeTooManyNodes: {
		template{message: "document expands to more than {1} values", hint: "aliases (*name) may be expanding too much; write the values out or reduce the file"},
		template{message: "le document se déploie en plus de {1} valeurs", hint: "des alias (*nom) se déploient sans doute trop\u00a0; écrivez les valeurs ou réduisez le fichier"}},
	CodeTooManyLines: {
		template{message: "file has more than {1} lines and list items, far more than any rubric or declaration needs", hint: "check the file was not generated by mistake, or split it"},
		template{message: "le fichier compte plus de {1} lignes et éléments de liste, bien plus qu'une grille ou une déclaration n'en demande", hint: "vérifiez que le fichier n'a pas été généré par erreur, ou découpez-le"}},
	CodeMappingTooLong: {
		template{message: "mapping has {1} entries, more than the limit of {2}", hint: "a rubric never needs that many keys in one place; check the file was not generated by mistake"},
		template{message: "le bloc compte {1} entrées, au-delà de la limite de {2}", hint: "une grille n'a jamais besoin d'autant de clés au même endroit\u00a0; vérifiez que le fichier n'a pas été généré par erreur"}},
	CodeTooDeep: {
		template{message: "values are nested more than {1} levels deep", hint: "flatten the structure; predicates rarely need more than a few levels of all/any/not"},
		template{message: "les valeurs sont imbriquées sur plus de {1} niveaux", hint: "aplatissez la structure\u00a0; un prédicat a rarement besoin de plus de quelques niveaux de all/any/not"}},
	CodeKeyNotScalar: {
		template{message: "mapping key is not a plain value", hint: "keys are names such as `title` or `weight`"},
		template{message: "la clé n'est pas une valeur simple", hint: "les clés sont des noms comme `title` ou `weight`"}},
	CodeNotJSON: {
		template{message: "value {1} cannot be represented", hint: "use a finite number"},
		template{message: "la valeur {1} n'est pas représentable", hint: "utilisez un nombre fini"}},
	CodeBadMerge: {
		template{message: "merge key `<<` must name a mapping or a list of mappings", hint: "write `<<: *anchor` where the anchor is a mapping"},
		template{message: "la clé de fusion `<<` doit désigner un bloc ou une liste de blocs", hint: "écrivez `<<: *ancre` où l'ancre est un bloc"}},
	CodeNotMapping: {
		template{message: "document is not a mapping of keys to values", hint: "a vigie file starts with `apiVersion: vigie/v1` and a `kind:` line"},
		template{message: "le document n'est pas un bloc de clés et de valeurs", hint: "un fichier vigie commence par `apiVersion: vigie/v1` et une ligne `kind:`"}},
	CodeWrongKind: {
		template{message: "this file is a {2}, not a {1}", hint: "vigie validate reads both kinds of file and checks each as what it is"},
		template{message: "ce fichier est une {2}, pas une {1}", hint: "vigie validate lit les deux sortes de fichiers et vérifie chacun pour ce qu'il est"}},
	CodeUnknownKind: {
		template{message: "unknown document: apiVersion {1}, kind {2}", hint: "vigie reads `apiVersion: vigie/v1` with `kind: Rubric` or `kind: Declaration`"},
		template{message: "document inconnu : apiVersion {1}, kind {2}", hint: "vigie lit `apiVersion: vigie/v1` avec `kind: Rubric` ou `kind: Declaration`"}},
	CodeUnreadable: {
		template{message: "cannot read file: {1}"},
		template{message: "lecture du fichier impossible\u00a0: {1}"}},

	CodeUnknownKey: {
		template{message: "unknown key {1}", hint: "allowed here: {2}"},
		template{message: "clé inconnue {1}", hint: "clés possibles ici\u00a0: {2}"}},
	CodeRequired: {
		template{message: "missing required key {1}", hint: "add `{1}:` here"},
		template{message: "clé obligatoire {1} manquante", hint: "ajoutez `{1}:` ici"}},
	CodeType: {
		template{message: "wrong type: expected {1}, found {2}", hint: "{3}"},
		template{message: "type incorrect\u00a0: attendu {1}, trouvé {2}", hint: "{4}"}},
	CodeEnum: {
		template{message: "value {1} is not allowed", hint: "allowed values: {2}"},
		template{message: "la valeur {1} n'est pas admise", hint: "valeurs admises\u00a0: {2}"}},
	CodePattern: {
		template{message: "value {1} is not a valid {2}", hint: "{3}"},
		template{message: "la valeur {1} n'est pas un {2} valide", hint: "{4}"}},
	CodeRange: {
		template{message: "{1}", hint: ""},
		template{message: "{2}", hint: ""}},
	CodeRepeated: {
		template{message: "list holds the same item twice", hint: "remove the repeated item"},
		template{message: "la liste contient deux fois le même élément", hint: "retirez l'élément répété"}},
	CodeText: {
		template{message: "a text must be a string, or a mapping from language code to string", hint: "write `title: Mon titre` or `title: {fr: Mon titre, en: My title}`"},
		template{message: "un texte est une chaîne, ou un bloc langue → chaîne", hint: "écrivez `title: Mon titre` ou `title: {fr: Mon titre, en: My title}`"}},
	CodeSchema: {
		template{message: "{1}"},
		template{message: "{1}"}},

	CodeDuplicateID: {
		template{message: "{1} {2} is defined twice (first at {3})", hint: "ids must be unique; rename one of them"},
		template{message: "{1}\u00a0: l'identifiant {2} apparaît deux fois (d'abord en {3})", hint: "les identifiants doivent être uniques\u00a0; renommez l'un d'eux"}},
	CodeUnknownReference: {
		template{message: "reference {1} does not name an item of a referential", hint: "references are written `referential:item`, both declared under `referentials:`"},
		template{message: "la référence {1} ne désigne aucun article d'un référentiel", hint: "une référence s'écrit `référentiel:article`, tous deux déclarés sous `referentials:`"}},
	CodeUnknownScale: {
		template{message: "unknown scale {1}", hint: "declare it under `scales:`"},
		template{message: "échelle {1} inconnue", hint: "déclarez-la sous `scales:`"}},
	CodeUnknownFact: {
		template{message: "unknown fact {1}", hint: "declare it under `facts:`"},
		template{message: "fait {1} inconnu", hint: "déclarez-le sous `facts:`"}},
	CodeUnknownCriterion: {
		template{message: "unknown criterion {1}", hint: "name a criterion declared under `sections:`"},
		template{message: "critère {1} inconnu", hint: "nommez un critère déclaré sous `sections:`"}},
	CodeUnknownTier: {
		template{message: "unknown tier {1}", hint: "declare it under `classification.tiers:`"},
		template{message: "niveau de risque {1} inconnu", hint: "déclarez-le sous `classification.tiers:`"}},
	CodeUnknownSection: {
		template{message: "unknown section {1}"},
		template{message: "section {1} inconnue"}},
	CodeUnknownScore: {
		template{message: "unknown score {1}", hint: "declare it under `scoring.scores:`"},
		template{message: "score {1} inconnu", hint: "déclarez-le sous `scoring.scores:`"}},
	CodeUnknownBand: {
		template{message: "score {1} has no band {2}"},
		template{message: "le score {1} n'a pas de palier {2}"}},
	CodeUnknownValue: {
		template{message: "value {1} is not one of the values of {2}", hint: "allowed values: {3}"},
		template{message: "la valeur {1} n'est pas admise ({2})", hint: "valeurs admises\u00a0: {3}"}},
	CodePredicateShape: {
		template{message: "{1} (found: {2})", hint: "write e.g. `{fact: affected_groups, contains: children}`, `{tier: high}` or `{all: [...]}`"},
		template{message: "{1} (trouvé\u00a0: {2})", hint: "écrivez par exemple `{fact: affected_groups, contains: children}`, `{tier: high}` ou `{all: [...]}`"}},
	CodePredicateOperator: {
		template{message: "operator {1} does not apply to {2} of type {3}", hint: "operators for {3}: {4}"},
		template{message: "{2}, de type {3}, n'admet pas l'opérateur {1}", hint: "opérateurs pour {3}\u00a0: {4}"}},
	CodePredicateValue: {
		template{message: "operand of {1} does not fit {2}: {3}", hint: "{4}"},
		template{message: "l'opérande de {1} ne va pas avec {2}\u00a0: {3}", hint: "{4}"}},
	CodeAnswerCycle: {
		template{message: "conditions depend on each other in a cycle: {1}", hint: "a condition (applies_when, or a classification rule) may only read answers and tiers that do not depend on it"},
		template{message: "des conditions dépendent les unes des autres en boucle\u00a0: {1}", hint: "une condition (applies_when, ou règle de classification) ne peut lire que des réponses et niveaux de risque qui n'en dépendent pas"}},
	CodeScoreCycle: {
		template{message: "scores depend on each other in a cycle: {1}"},
		template{message: "des scores dépendent les uns des autres en boucle\u00a0: {1}"}},
	CodeZeroWeights: {
		template{message: "every weight in {1} is zero", hint: "give at least one item a weight above zero"},
		template{message: "tous les poids de {1} sont nuls", hint: "donnez un poids non nul à au moins un élément"}},
	CodeBandGap: {
		template{message: "{1} {2} and {3} leave a gap or disagree at {4}", hint: "when one ends with `lt: X` the next starts with `gte: X`; after `lte: X` comes `gt: X`"},
		template{message: "{1} {2} et {3} laissent un trou ou se contredisent en {4}", hint: "quand l'un finit par `lt: X` le suivant commence par `gte: X`\u00a0; après `lte: X` vient `gt: X`"}},
	CodeBandOverlap: {
		template{message: "{1} {2} and {3} overlap", hint: "order them from lowest to highest, each starting where the previous ends"},
		template{message: "{1} {2} et {3} se chevauchent", hint: "rangez-les du plus bas au plus haut, chacun commençant où finit le précédent"}},
	CodeBandBounds: {
		template{message: "{1} {2}: {3}", hint: "give one lower bound (gte or gt) and one upper bound (lte or lt), the lower below the upper"},
		template{message: "{1} {2} : {3}", hint: "donnez une borne basse (gte ou gt) et une borne haute (lte ou lt), la basse sous la haute"}},
	CodeInvalidDate: {
		template{message: "{1} is not a valid date", hint: "write dates as YYYY-MM-DD, e.g. 2026-12-02"},
		template{message: "{1} n'est pas une date valide", hint: "écrivez les dates AAAA-MM-JJ, par exemple 2026-12-02"}},
	CodeInvalidVersion: {
		template{message: "{1} is not a semantic version", hint: "write MAJOR.MINOR.PATCH, e.g. 1.2.0"},
		template{message: "{1} n'est pas une version sémantique", hint: "écrivez MAJEURE.MINEURE.CORRECTIF, par exemple 1.2.0"}},
	CodeAnswerDefinition: {
		template{message: "{1}: {2}"},
		template{message: "{1} : {2}"}},
	CodeOverride: {
		template{message: "override {1}: {2}"},
		template{message: "surcharge {1}\u00a0: {2}"}},
	CodeBandCoverage: {
		template{message: "the bands of score {1} cover {2} to {3}, not the whole range {4} to {5}", hint: "start the lowest band at {4} and end the highest at {5}, so that every score has a band"},
		template{message: "les paliers du score {1} couvrent {2} à {3}, pas toute l'étendue {4} à {5}", hint: "commencez le palier le plus bas à {4} et finissez le plus haut à {5}, pour que tout score ait son palier"}},
	CodeMissingLanguage: {
		template{message: "text has no {1} version", hint: "add `{1}:` to this text, or remove {1} from `languages:`"},
		template{message: "le texte n'a pas de version {1}", hint: "ajoutez `{1}:` à ce texte, ou retirez {1} de `languages:`"}},
	CodeDefaultLanguage: {
		template{message: "default language {1} is not one of the rubric's languages", hint: "add {1} to `languages:`, or change `language:`"},
		template{message: "la langue par défaut {1} ne fait pas partie des langues de la grille", hint: "ajoutez {1} à `languages:`, ou changez `language:`"}},
	CodeUnknownLanguage: {
		template{message: "text in language {1}, which the rubric does not declare", hint: "add {1} to `languages:` or remove this translation"},
		template{message: "texte en langue {1}, que la grille ne déclare pas", hint: "ajoutez {1} à `languages:` ou retirez cette traduction"}},
	CodeUnknownBase: {
		template{message: "rubric {1} extends {2}, which is not loaded", hint: "pass the base rubric too: vigie validate --rubric base.yaml extension.yaml"},
		template{message: "la grille {1} étend {2}, qui n'est pas chargée", hint: "passez aussi la grille de base\u00a0: vigie validate --rubric base.yaml extension.yaml"}},
	CodeExtendsCycle: {
		template{message: "rubrics extend each other in a cycle: {1}"},
		template{message: "des grilles s'étendent les unes les autres en boucle\u00a0: {1}"}},
	CodeFactConflict: {
		template{message: "fact {1} is declared differently by rubrics {2} and {3}: {4}", hint: "facts shared by rubrics must have the same type and values"},
		template{message: "le fait {1} est déclaré différemment par les grilles {2} et {3}\u00a0: {4}", hint: "un fait partagé entre grilles doit avoir le même type et les mêmes valeurs"}},
	CodeDuplicateRubric: {
		template{message: "rubric {1} is loaded twice (also from {2})", hint: "load each rubric once"},
		template{message: "la grille {1} est chargée deux fois (aussi depuis {2})", hint: "chargez chaque grille une seule fois"}},
	CodeUnknownAnswer: {
		template{message: "no rubric has the criterion {1}", hint: "answers are keyed rubric/criterion; vigie init lists the criteria of the rubrics"},
		template{message: "aucune grille n'a le critère {1}", hint: "les réponses ont pour clé grille/critère\u00a0; vigie init liste les critères des grilles"}},
	CodeUnreadFact: {
		template{message: "no rubric reads the fact {1}", hint: "give the facts the rubrics ask for; vigie init lists them"},
		template{message: "aucune grille ne lit le fait {1}", hint: "donnez les faits que demandent les grilles\u00a0; vigie init les liste"}},
	CodeNotApplicable: {
		template{message: "criterion {1} cannot be answered not_applicable", hint: "the rubric expects an answer here: give one, or ask its authors to allow not_applicable"},
		template{message: "le critère {1} ne peut pas être déclaré non concerné (not_applicable)", hint: "la grille attend une réponse ici\u00a0: répondez, ou demandez à ses auteurs d'admettre not_applicable"}},
	CodeScoringMethod: {
		template{message: "{1}"},
		template{message: "{1}"}},
	CodeUnusedDefinition: {
		template{message: "{1} {2} has no effect", hint: "{3}"},
		template{message: "{1} {2} n'a aucun effet", hint: "{3}"}},
}

func (c Code) template(lang string) template {
	e, ok := catalog[c]
	if !ok {
		return template{message: "{1}", didYouMean: didYouMeanEN}
	}
	t := e.en
	t.didYouMean = didYouMeanEN
	if lang == "fr" {
		t = e.fr
		t.didYouMean = didYouMeanFR
	}
	return t
}

// Codes returns every code vigie reports, in a stable order.
func Codes() []Code {
	out := make([]Code, 0, len(catalog))
	for c := range catalog {
		out = append(out, c)
	}
	slicesSort(out)
	return out
}
