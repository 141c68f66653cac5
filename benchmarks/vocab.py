"""Word lists for the synthetic events: names, organisations, places, topic words, sound-alikes.

Everything here is invented for the benchmark. Surnames and place names are
built from syllables; each syllable carries a common word that sounds like it,
which is how a recogniser splits a name it does not know ("Okonkwo" -> "oh con
quo"). First names carry the common words they are misheard as.
"""

from __future__ import annotations

# (spelling, what a recogniser hears instead)
FIRST_NAMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Christelle", ("crystal",)),
    ("Kaja", ("kaya", "kia")),
    ("Marek", ("mark", "maric")),
    ("Siobhan", ("shivon", "chevon")),
    ("Joaquim", ("joaquin", "walking")),
    ("Ilse", ("else",)),
    ("Katarzyna", ("catherina", "katrina")),
    ("Thierry", ("terry", "theory")),
    ("Aoife", ("eva", "ifa")),
    ("Dagny", ("dagney", "dignity")),
    ("Rashida", ("rasheeda",)),
    ("Oluwaseun", ("olu ashaun", "oluwa sean")),
    ("Bronwyn", ("bronwen", "brown win")),
    ("Ewa", ("eva",)),
    ("Niamh", ("neve", "neeve")),
    ("Soren", ("sorin", "sore in")),
    ("Yusuf", ("you soof", "joseph")),
    ("Mirela", ("mirella", "mere la")),
    ("Teodor", ("theodore",)),
    ("Ines", ("inez", "in us")),
    ("Kwame", ("kwami", "quamay")),
    ("Priya", ("prea", "pria")),
    ("Hakon", ("hawken", "hacken")),
    ("Zsofia", ("sofia",)),
    ("Radek", ("radick", "ready")),
    ("Leocadia", ("leo cardia",)),
    ("Anna", ()),
    ("David", ()),
    ("Maria", ()),
    ("Peter", ()),
    ("Thomas", ()),
    ("Sarah", ()),
    ("Michael", ()),
    ("Laura", ()),
    ("James", ()),
    ("Elena", ()),
    ("Robert", ()),
    ("Helen", ()),
)

# Surname syllables: (spelling, common word(s) that sound like it).
NAME_INITIAL: tuple[tuple[str, str], ...] = (
    ("O", "oh"), ("Van", "van"), ("Bran", "bran"), ("Kal", "cal"), ("Wit", "wit"),
    ("Mar", "mar"), ("Del", "dell"), ("Tor", "tore"), ("Hal", "hal"), ("Pet", "pet"),
    ("Ek", "ache"), ("Mor", "more"), ("Ras", "ross"), ("Zel", "sell"), ("Gor", "gore"),
    ("Lind", "lined"), ("Ber", "bear"), ("Fen", "fen"), ("Ash", "ash"), ("Kor", "core"),
    ("Sal", "sal"), ("Tam", "tam"), ("Dun", "done"), ("Bel", "bell"), ("Nor", "nor"),
    ("Wal", "wall"), ("Pol", "poll"), ("Kes", "kiss"), ("Rud", "rude"), ("Sten", "stan"),
    ("Ka", "ca"), ("Mo", "mow"), ("Ha", "ha"), ("Ro", "row"), ("Stra", "straw"),
)  # fmt: skip
NAME_MIDDLE: tuple[tuple[str, str], ...] = (
    ("kon", "con"), ("ter", "tear"), ("ni", "knee"), ("ri", "re"), ("la", "la"),
    ("ven", "van"), ("do", "dough"), ("mi", "me"), ("sen", "sin"), ("ta", "ta"),
    ("bo", "bow"), ("li", "lee"), ("ra", "raw"), ("ne", "nay"), ("vo", "vote"),
)  # fmt: skip
NAME_FINAL: tuple[tuple[str, str], ...] = (
    ("kwo", "quo"), ("pool", "pool"), ("gan", "gun"), ("las", "lass"), ("koff", "cough"),
    ("ski", "ski"), ("berg", "burg"), ("stad", "stead"), ("mann", "man"), ("ley", "lee"),
    ("ton", "ton"), ("ros", "rose"), ("vic", "vick"), ("dal", "doll"), ("lund", "land"),
    ("ker", "care"), ("mont", "mount"), ("ssen", "sin"), ("etti", "eddy"), ("aro", "arrow"),
    ("ides", "ids"), ("enko", "ink oh"), ("ova", "over"), ("witz", "wits"), ("ayo", "ayo"),
)  # fmt: skip
NAME_PARTICLES: tuple[str, ...] = ("Van", "De", "Al", "Ben", "Le", "Di")

PLACE_FINAL: tuple[tuple[str, str], ...] = (
    ("grad", "grad"), ("mora", "more a"), ("via", "via"), ("nik", "nick"), ("sau", "saw"),
    ("ania", "annia"), ("heim", "home"), ("ava", "ava"), ("oria", "oria"), ("ovo", "oval"),
)  # fmt: skip
PLACE_PREFIXES: tuple[str, ...] = ("Port", "Lake", "North", "San", "Upper", "")

ORG_KINDS: tuple[str, ...] = (
    "Holdings", "Group", "Institute", "Foundation", "Commission", "Authority",
    "Energy", "Bank", "Partners", "Council", "Agency", "Alliance",
)  # fmt: skip
ORG_PUBLIC: tuple[str, ...] = (
    "Ministry of Finance", "Ministry of Health", "Water Board", "Port Authority",
    "Court of Audit", "Coast Guard", "Rail Company", "Electoral Commission",
)  # fmt: skip

ROLES: tuple[str, ...] = (
    "minister", "deputy minister", "mayor", "chief executive", "director", "commissioner",
    "ambassador", "secretary general", "chair", "spokesperson", "governor", "envoy",
    "president", "chief economist", "auditor general", "special rapporteur",
)  # fmt: skip

TOPICS: tuple[dict[str, tuple[str, ...]], ...] = (
    {
        "name": ("the water crisis",),
        "nouns": (
            "reservoir",
            "pipeline",
            "drought",
            "supply",
            "tariff",
            "treatment plant",
            "rainfall",
            "shortage",
            "pumping station",
            "canal",
            "network",
            "leak",
        ),
        "verbs": ("repair", "expand", "restore", "monitor", "ration", "upgrade"),
    },
    {
        "name": ("the rail strike",),
        "nouns": (
            "timetable",
            "union",
            "wage offer",
            "line",
            "depot",
            "signal",
            "pension",
            "contract",
            "driver",
            "freight",
            "station",
            "service",
        ),
        "verbs": ("negotiate", "resume", "settle", "cancel", "restore", "staff"),
    },
    {
        "name": ("the border talks",),
        "nouns": (
            "crossing",
            "checkpoint",
            "treaty",
            "ceasefire",
            "corridor",
            "patrol",
            "delegation",
            "agreement",
            "convoy",
            "refugee",
            "mission",
            "observer",
        ),
        "verbs": ("secure", "monitor", "reopen", "negotiate", "verify", "guarantee"),
    },
    {
        "name": ("the budget",),
        "nouns": (
            "deficit",
            "spending",
            "tax",
            "grant",
            "subsidy",
            "pension",
            "bond",
            "revenue",
            "forecast",
            "debt",
            "investment",
            "reserve",
        ),
        "verbs": ("cut", "raise", "fund", "freeze", "balance", "allocate"),
    },
    {
        "name": ("the flood recovery",),
        "nouns": (
            "levee",
            "shelter",
            "evacuation",
            "insurance",
            "bridge",
            "embankment",
            "damage",
            "school",
            "clinic",
            "road",
            "harvest",
            "warning",
        ),
        "verbs": ("rebuild", "clear", "compensate", "inspect", "evacuate", "reopen"),
    },
)

ADJECTIVES: tuple[str, ...] = (
    "new", "serious", "difficult", "urgent", "regional", "national", "long", "fair",
    "strong", "practical", "detailed", "independent", "full", "limited", "public",
    "clear", "direct", "modest", "significant", "temporary", "permanent", "local",
    "shared", "careful", "realistic", "historic", "common", "joint", "early", "final",
)  # fmt: skip
GENERAL_NOUNS: tuple[str, ...] = (
    "plan", "report", "decision", "process", "proposal", "package", "review", "timeline",
    "partners", "families", "workers", "communities", "region", "people", "question",
    "situation", "progress", "support", "pressure", "funding", "priority", "commitment",
    "framework", "meeting", "consultation", "assessment", "programme", "budget", "team",
    "system", "evidence", "audit", "court", "council", "parliament", "government",
)  # fmt: skip
GENERAL_VERBS: tuple[str, ...] = (
    "support", "strengthen", "review", "discuss", "protect", "deliver", "fund", "present",
    "publish", "consider", "accept", "reject", "defend", "explain", "approve", "extend",
    "prepare", "examine", "finish", "improve", "respect", "finance", "share", "follow",
)  # fmt: skip
# Different-sounding replacements a writer might put in a quote (misquotes).
MISQUOTE_WORDS: tuple[str, ...] = (
    "disaster", "victory", "betrayal", "breakthrough", "scandal", "triumph", "collapse",
    "miracle", "surrender", "crusade", "catastrophe", "revolution", "ultimatum", "bonanza",
    "ambitious", "reckless", "heroic", "shameful", "unprecedented", "illegal", "secret",
)  # fmt: skip
MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
CURRENCIES: tuple[str, ...] = ("euros", "dollars", "pounds")
OUTLETS: tuple[str, ...] = (
    "the Morning Ledger", "Radio Seven", "the Evening Courier", "Channel Four News",
    "the Daily Standard", "Metro Wire", "the Observer Post", "Capital Radio",
)  # fmt: skip

# What a recogniser writes for a word it mishears (sound-alikes in both directions).
SOUND_ALIKES: dict[str, tuple[str, ...]] = {
    "their": ("there",), "there": ("their",), "to": ("two", "too"), "too": ("to",),
    "for": ("four",), "four": ("for",), "week": ("weak",), "right": ("write", "rite"),
    "peace": ("piece",), "whole": ("hole",), "council": ("counsel",), "new": ("knew",),
    "know": ("no",), "no": ("know",), "plane": ("plain",), "see": ("sea",), "wait": ("weight",),
    "one": ("won",), "made": ("maid",), "lead": ("led",), "passed": ("past",),
    "rights": ("rites",), "role": ("roll",), "way": ("weigh",), "waste": ("waist",),
    "meet": ("meat",), "fair": ("fare",), "break": ("brake",), "board": ("bored",),
    "principle": ("principal",), "site": ("sight",), "accept": ("except",),
    "affect": ("effect",), "allowed": ("aloud",), "sole": ("soul",), "tied": ("tide",),
    "would": ("wood",), "here": ("hear",), "our": ("are", "hour"), "its": ("it's",),
    "talks": ("talk",), "plans": ("plan",), "said": ("set",), "can": ("can't",),
    "this": ("these",), "that": ("at",), "and": ("in",), "in": ("and",), "of": ("have",),
    "cut": ("cup",), "line": ("lime",), "bridge": ("britch",), "deal": ("dale",),
    "clear": ("clean",), "plan": ("plant",), "report": ("support",), "review": ("view",),
    "supply": ("surprise",), "funding": ("founding",), "tax": ("tacks",),
    "pension": ("tension",), "treaty": ("treat",), "patrol": ("petrol",),
    "levee": ("levy",), "crossing": ("crossings",), "grant": ("grand",), "bond": ("band",),
    "debt": ("death",), "union": ("onion",), "station": ("stations",), "road": ("rode",),
    "school": ("skull",), "mission": ("motion",), "process": ("progress",),
}  # fmt: skip

FUNCTION_SWAPS: dict[str, str] = {
    "the": "a", "a": "the", "this": "that", "that": "this", "will": "would",
    "would": "will", "can": "could", "could": "can", "in": "at", "at": "in",
    "these": "those", "our": "the", "we": "we all",
}  # fmt: skip

FUNCTION_WORDS = frozenset(
    """a an the this that these those of to in into on at by for from with about and or but
    if so as than we i you he she it they our my your his her its their is are was were be
    been have has had do does did will would can could should must may might not no all
    very just also there here what which who when how""".split()
)
FILLERS: tuple[str, ...] = ("uh", "um", "uh", "er")

# A technical hearing's vocabulary: terms built from a head and a tail, most of them in
# no dictionary ("ferrolysis", "cryovalene"), a few real but rare ("electrolysis").
TERM_HEADS: tuple[str, ...] = (
    "hydro", "ferro", "thermo", "cryo", "electro", "poly", "nano", "proto", "meta", "iso",
    "chloro", "sulfo", "neuro", "cyto", "geo", "baro", "photo", "vaso", "osteo", "mero",
    "dendro", "lipo", "xylo", "zirco", "tanto", "bora", "carbo", "quino", "pyro", "helio",
)  # fmt: skip
TERM_TAILS: tuple[str, ...] = (
    "lazine", "metry", "lysis", "phage", "cyte", "tronics", "plast", "genase", "dromics",
    "valene", "morphism", "fluxate", "zoid", "carbide", "nitrate", "kinase", "peptide",
    "thane", "sorbate", "tropin", "ganite", "phylline", "spirate", "thermite", "clonate",
)  # fmt: skip
TERM_ADJECTIVE_TAILS: tuple[str, ...] = (
    "lytic", "metric", "phagic", "cytic", "tronic", "plastic", "genic", "dromic", "morphic",
    "zoic", "kinetic", "tropic", "spiral", "clonal", "valent",
)  # fmt: skip
TERM_VERB_TAILS: tuple[str, ...] = ("lyse", "genate", "morph", "sorb", "clone", "plate", "nize")
