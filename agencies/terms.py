"""The words reviews and practitioners use for each agency ("health visitor" -> Health visiting): read by search's
query understanding and by ingest's agency suggestions.

Each pattern is matched on lower-cased text as whole words (a hyphen joins words: "pre-school" is not "school");
acronyms that are also ordinary words ("SEND", "ED", "HV") only match in capitals, as written.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

# (pattern, agency name), the more specific before the more general: a stretch of text names one agency.
TERMS = [
    (r"school nurs\w*", "School nursing"),
    (r"health visit\w*", "Health visiting"),
    (r"midwi\w+|maternity|antenatal clinic", "Midwifery and maternity"),
    (r"gps?|general practi\w+|primary care|family doctor|practice nurses?", "GP and primary care"),
    (
        r"emergency departments?|a ?& ?e|accident and emergency|minor injur(?:y|ies) units?|urgent care centres?",
        "Emergency department",
    ),
    (
        r"paediatrici\w+|paediatrics?|paediatric (?:ward|team|assessment|consultant|unit)\w*|child protection medicals?"
        r"|neonatal (?:unit|staff|team|nurses?|ward)|special care baby unit|scbu|nicu",
        "Paediatrics",
    ),
    (r"camhs|child and adolescent mental health(?: services?)?", "CAMHS"),
    (
        r"adult mental health(?: services?| teams?)?|community mental health teams?"
        r"|perinatal mental health(?: services?| teams?)?|mental health (?:nhs )?(?:foundation )?trusts?"
        r"|community mental health (?:staff|services?|nurses?)"
        r"|crisis (?:resolution )?team",
        "Adult mental health services",
    ),
    (
        r"(?:drugs?|alcohol) (?:and|&) (?:alcohol|drugs?) (?:recovery )?(?:services?|teams?|workers?)"
        r"|substance misuse (?:services?|teams?|workers?)|(?:community )?addiction (?:services?|teams?)"
        r"|recovery (?:services?|workers?)",
        "Substance misuse services",
    ),
    (r"ambulances?|paramedics?", "Ambulance service"),
    (
        r"sexual health (?:clinics?|services?|nurses?)|gum clinics?|contraceptive (?:clinics?|services?)",
        "Sexual health services",
    ),
    (r"dentists?|dental", "Dental services"),
    (
        r"public protection units?|child abuse investigation (?:teams?|units?)|child protection units?"
        r"|domestic (?:violence|abuse) units?",
        "Public protection / child abuse investigation",
    ),
    (r"police officers?|detective constables?|police|constabulary", "Police"),
    (r"multi-agency safeguarding hub|mash|front door|gateway (?:teams?|services?)", "Front door / MASH"),
    (r"emergency duty team|out of hours social work\w*", "Emergency duty team"),
    (
        r"early help|family support(?: workers?| services?)?|team around the family|family intervention\w*"
        r"|children'?s centres?",
        "Early help and family support",
    ),
    (
        r"foster (?:carers?|care|placements?)|fostering|children in care|looked after children|kinship carers?"
        r"|special guardian(?:s|ship)?",
        "Children in care and fostering",
    ),
    (
        r"children'?s (?:homes?|houses?)|residential (?:homes?|units?|care|placements?|staff|workers?)",
        "Residential children's home",
    ),
    (
        r"leaving care(?: teams?| services?)?|personal advis[eo]rs?|pathway plans?|throughcare(?: and aftercare)?"
        r"|aftercare (?:services?|teams?)",
        "Leaving care",
    ),
    (
        r"social workers?|children'?s social care|children'?s services|social services|social work(?: teams?)?"
        r"|children'?s social work|section 47 enquir(?:y|ies)|s\.? ?47 enquir(?:y|ies)|child protection (?:conferences?"
        r"|plans?|enquir(?:y|ies)|registers?)|initial child protection conferences?|core groups?|child in need plans?"
        r"|children'?s disability teams?|disabled children'?s teams?|return home interviews?",
        "Children's social care",
    ),
    (r"further education|(?<!royal )colleges?|coleg", "Further education college"),
    (r"alternative provision|pupil referral units?", "Alternative provision"),
    (r"nurser(?:y|ies)|early years(?: settings?| providers?)?|childminders?", "Early years and nursery"),
    (
        r"education welfare\w*(?: officers?| service)?|attendance (?:officers?|teams?|service)",
        "Education welfare and attendance",
    ),
    (r"elective home education|home education (?:teams?|officers?|advis[eo]rs?)", "Elective home education team"),
    (
        r"special educational needs(?: and disabilit(?:y|ies))?|education,? health and care plans?|sencos?",
        "SEND services",
    ),
    (
        r"schools?(?! nurs)|teachers?|head ?teachers?|designated safeguarding leads?|dsls?|academ(?:y|ies)|classrooms?"
        r"|(?:local )?education authorit(?:y|ies)|education (?:departments?|services)",
        "School",
    ),
    (r"probation(?: officers?| service)?", "Probation"),
    (
        r"youth justice(?: services?| teams?| workers?)?|youth offending(?: services?| teams?)?|yots?",
        "Youth justice service",
    ),
    (
        r"prisons?|young offender institutions?|secure (?:units?|children'?s homes?|estate|care (?:centres?|units?))",
        "Prison and secure estate",
    ),
    (r"cafcass|family courts?|children'?s guardians?", "Courts and Cafcass"),
    (r"crown prosecution service", "Crown Prosecution Service"),
    (
        r"housing (?:officers?|departments?|services?|teams?|providers?|needs|options)"
        r"|homeless\w*|temporary accommodation",
        "Housing and homelessness services",
    ),
    (r"housing associations?|(?:registered )?social landlords?", "Housing association"),
    (
        r"idvas?|domestic abuse (?:services?|workers?|advocates?|charit(?:y|ies))|refuges?|women'?s aid",
        "Domestic abuse service / IDVA",
    ),
    (r"voluntary (?:sector|organisations?|agenc(?:y|ies))|charit(?:y|ies)|third sector", "Voluntary sector"),
    (
        r"churche?s?|mosques?|gurdwaras?|temples?|synagogues?|faith (?:groups?|leaders?|organisations?"
        r"|communit(?:y|ies))|imams?|pastors?",
        "Faith organisation",
    ),
    (r"sports? clubs?|football clubs?|coach(?:es)?", "Sports club"),
    (r"interpret(?:er|ers|ing)(?: services?)?|translators?", "Interpreting service"),
    (
        r"home office|immigration(?: services?| officers?| enforcement)?|asylum (?:support|team)",
        "Home Office / immigration",
    ),
    (r"fire (?:and|&) rescue|fire service|firefighters?", "Fire and rescue"),
    (r"department for work and pensions|jobcentre(?: plus)?", "Department for Work and Pensions"),
]
# In capitals only, as written.
CAPITALS = {
    "HV": "Health visiting",
    "ED": "Emergency department",
    "AE": "Emergency department",
    "CSC": "Children's social care",
    "EDT": "Emergency duty team",
    "TAF": "Early help and family support",
    "CAIT": "Public protection / child abuse investigation",
    "PSNI": "Police",
    "CMHT": "Adult mental health services",
    "SEND": "SEND services",
    "EHCP": "SEND services",
    "PRU": "Alternative provision",
    "EWO": "Education welfare and attendance",
    "EHE": "Elective home education team",
    "CPS": "Crown Prosecution Service",
    "DWP": "Department for Work and Pensions",
}

_TERMS = re.compile("|".join(f"(?P<t{n}>{pattern})" for n, (pattern, _) in enumerate(TERMS)))
_WORDS = re.compile(rf"(?<![\w-])(?:{_TERMS.pattern})(?![\w-])")
_CAPITALS = re.compile(rf"(?<![\w&-])({'|'.join(CAPITALS)})(?![\w&-])")


# Each agency's sector ("Health visiting": "Health"), as the agencies' data file groups them.
SECTOR = {
    name: group["sector"]
    for group in json.loads((Path(__file__).resolve().parent / "data" / "agencies.json").read_text())["agencies"]
    for name in group["agencies"]
}


@dataclass(frozen=True)
class Mention:
    agency: str  # the agency's name, as in agencies/data/agencies.json
    phrase: str  # the words as written
    start: int  # where in the text
    end: int


def mentions(text):
    """Every mention of an agency in the text, in order (each stretch of text names one agency)."""
    text = text or ""
    lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)  # the same length: positions stay
    found = []
    for match in _WORDS.finditer(lowered):
        index = int(match.lastgroup[1:])
        found.append(Mention(TERMS[index][1], text[match.start() : match.end()], match.start(), match.end()))
    for match in _CAPITALS.finditer(text):
        if not any(m.start <= match.start() < m.end for m in found):
            found.append(Mention(CAPITALS[match.group(1)], match.group(1), match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


def agencies_named(text):
    """The names of the agencies the text names, in the order it first names them."""
    return list(dict.fromkeys(m.agency for m in mentions(text)))
