#!/usr/bin/env python3
"""Make a synthetic national case review catalogue as JSON Lines, for benchmarks.

Writes N fictional records shaped like entries of a national catalogue of UK child safeguarding
case reviews: a pseudonymous title, an invented partnership, nation, year, the review type as
catalogues write it, a summary of about 80 words, four learning points, three keywords and a
source URL on an invented domain, in the format of the README's "Importing reviews" section.
Written blind, from the README and the shared reference vocabulary only, without reading the
project's importer or any of its code. Every child, area and domain is invented.
Standard library only; the output is deterministic for a given seed.

    python bench/data/make_catalogue.py OUT.jsonl [--records 10000] [--seed 1]
"""

import argparse
import json
import random
import re


def P(s):
    return [x.strip() for x in s.split("|") if x.strip()]


MONTHS = P("January|February|March|April|May|June|July|August|September|October|November|December")
NUMW = P("zero|one|two|three|four|five|six|seven|eight|nine|ten")
LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
NAMES_F = P("Ruby|Tia|Leah|Freya|Isla|Poppy|Sienna|Maya|Cerys|Nia|Daisy|Kayla|Jade|Amber|Skye")
NAMES_M = P("Alfie|Callum|Kai|Mason|Ollie|Riley|Tyler|Jake|Logan|Ewan|Dylan|Jayden|Reece|Connor|Liam")

# ---------------------------------------------------------------- invented areas (fixed, whatever the seed)
# place names are prefix + suffix; REAL lists real local authorities and towns they could collide with
REAL = {
    "ashford",
    "ashfield",
    "rushmoor",
    "sedgemoor",
    "elmbridge",
    "dovedale",
    "thornbury",
    "ravensworth",
    "eastham",
    "southam",
    "westbury",
    "northam",
    "hazelmere",
    "westham",
    "westfield",
    "southfield",
    "northfield",
    "ashton",
    "thornton",
    "strathaven",
    "westbrook",
    "brookdale",
    "ashby",
    "weston",
}
POOLS = {
    "England": (
        P(
            "North|South|East|West|Amber|Ash|Bracken|Brook|Carrow|Elder|Fern|Gorse|Hallow|Heather|Holly|Kes|Lark|Linnet|Mallow|Merrow|Nether|Orm|Pell|"
            "Raven|Rowan|Sorrel|Tarn|Thorn|Wren|Yarrow|Alder|Briar|Cinder|Hazel|Moss|Sloe|Willow|Ember"
        ),
        P("shire|dale|moor|vale|mere|ford|wick|stead|combe|holt|haven|brook|fell|bury|ham|field|ton|by"),
    ),
    "Wales": (
        P("Aber|Cwm|Llan|Pen|Bryn|Caer|Glyn|Nant|Tre|Ystrad|Dol|Pont"),
        P("derwen|fferin|gelli|onnen|melyn|celyn|eithin|grug|wennol|cadno|dderi|hesg"),
    ),
    "Scotland": (
        P("Glen|Strath|Inver|Kil|Bal|Auch|Dal|Kin|Ard|Loch"),
        P("moor|brannoch|dearg|mhor|rossie|tullich|ennan|fearn|corrie|lochy|aven|garve"),
    ),
    "Northern Ireland": (
        P("Bally|Drum|Carrick|Lough|Knock|Rath|Clon|Glen|Kil|Derry"),
        P("fern|corran|derrig|nacross|owen|beg|keel|lea|moyle|gannon"),
    ),
}
# (name, domain code, weight); one format per area
FORMATS = {
    "England": [
        ("{} Safeguarding Children Partnership", "scp", 60),
        ("{} Safeguarding Partnership", "sp", 15),
        ("{} Local Safeguarding Children Board", "lscb", 10),
        ("{} Children's Safeguarding Partnership", "csp", 8),
        ("{} and {} Safeguarding Children Partnership", "scp", 7),
    ],
    "Wales": [
        ("{} Regional Safeguarding Board", "rsb", 6),
        ("{} Safeguarding Children Board", "scb", 3),
        ("{} and {} Safeguarding Board", "sb", 2),
    ],
    "Scotland": [
        ("{} Child Protection Committee", "cpc", 7),
        ("{} Public Protection Committee", "ppc", 2),
        ("{} Public Protection Chief Officers Group", "ppcog", 1),
    ],
    "Northern Ireland": [("{} Safeguarding Panel", "sp", 3), ("{} Area Safeguarding Panel", "asp", 1)],
}
AREA_COUNTS = {"England": 112, "Wales": 10, "Scotland": 20, "Northern Ireland": 8}


def make_areas():
    """{nation: [(partnership name, domain slug, publishing weight)]}: 150 invented areas."""
    r, taken, areas = random.Random(150150), set(), {}
    for nation, n in AREA_COUNTS.items():
        areas[nation] = []
        while len(areas[nation]) < n:
            fmt, code, _w = r.choices(FORMATS[nation], weights=[f[2] for f in FORMATS[nation]])[0]
            places = [r.choice(POOLS[nation][0]) + r.choice(POOLS[nation][1]) for _ in range(fmt.count("{}"))]
            if len(set(places)) < len(places) or any(p.lower() in REAL or p in taken for p in places):
                continue
            taken.update(places)
            areas[nation].append(
                (
                    fmt.format(*places),
                    "-".join(p.lower() for p in places) + "-" + code,
                    round(0.3 + 4 * r.random() ** 2, 3),
                )
            )
    return areas


# ---------------------------------------------------------------- scenarios
# kind: baby | child | teen | adult (groups are possible when group=True); ages: (unit, lo, hi)
SCEN = {
    "nai": {
        "w": 14,
        "kind": "baby",
        "fem": 0.45,
        "ages": [("week", 2, 16), ("month", 2, 11), ("year", 1, 2)],
        "kw": ["nai", "aht", "bruising", "babies", "men"],
        "out": P(
            "was admitted to hospital with a skull fracture and bleeding on the brain|suffered "
            "serious non-accidental injuries, including fractures to the ribs and legs|was found to have multiple fractures of different ages|sustained a serious head injury while in the care of {poss} father|died from abusive head trauma|was taken "
            "to the emergency department with bruising to the face and ears|suffered a brain injury that will have lifelong consequences|was found to have bite marks and bruising to the torso|died from injuries inflicted by {poss} mother's partner|"
            "was admitted to intensive care with a subdural haemorrhage and retinal bleeding|suffered burns that were not consistent with the explanation given|was seriously injured after being shaken|suffered a fractured femur that the parents "
            "could not explain"
        ),
        "bg": P(
            "{name} lived with {poss} mother and her partner, who was not {poss} father.|Both parents were young and had little support from wider family.|The father had previous convictions for violence, which were not "
            "known to health professionals.|A few weeks before, a health visitor had noticed a small bruise on {poss} {body}, which was accepted as accidental.|The mother had postnatal depression and told the GP she was struggling with {poss} "
            "crying.|{name} had been born prematurely and spent several weeks in the neonatal unit.|Police had been called to the home several times for domestic incidents during the pregnancy.|The father was a care leaver with a history of "
            "aggression towards staff.|{name} had been taken to the GP twice with minor injuries in the month before.|The parents had separated and reconciled several times during the pregnancy.|The mother's partner had moved into the household "
            "shortly after the birth, which professionals did not know.|An older half-sibling had been adopted after concerns about physical abuse."
        ),
        "ag": P(
            "midwifery|health visiting|the GP practice|the emergency department|paediatrics|{csc}|the "
            "police|early help|adult mental health services|a domestic abuse service|probation|the neonatal unit|housing"
        ),
        "focus": P(
            "the response to bruising seen in a non-mobile baby|how the father's history of violence was assessed|what was known "
            "about the adults in the household|pre-birth assessment and planning|advice given to the parents about coping with crying|the quality of the strategy discussion|whether explanations for earlier injuries were tested|how the perinatal "
            "mental health of both parents was considered"
        ),
        "topics": [
            "bruising",
            "men",
            "info",
            "curiosity",
            "history",
            "da",
            "mh",
            "multiagency",
            "optimism",
            "thresholds",
            "prebirth",
        ],
    },
    "sudi": {
        "w": 9,
        "kind": "baby",
        "fem": 0.45,
        "ages": [("week", 2, 16), ("month", 2, 10)],
        "kw": ["sleep", "babies", "sm", "neglect"],
        "out": P(
            "died unexpectedly while sharing a sofa with {poss} father|died while co-sleeping with {poss} parents after "
            "they had been drinking|was found unresponsive in {poss} parents' bed|died suddenly and unexpectedly at home|died after being put down to sleep in an unsafe sleeping environment|was found dead in a car seat in the morning|died while "
            "sleeping in a cluttered and unsafe home|died after falling asleep on {poss} mother's chest on a sofa"
        ),
        "bg": P(
            "The family lived in overcrowded, poorly maintained accommodation with no space for a cot.|Both parents used cannabis daily, "
            "and the father drank heavily at weekends.|The parents had been given safe sleep advice by the midwife and health visitor, but it was not clear they understood it.|An older sibling had been subject to a child protection plan for "
            "neglect.|The mother was 17 and had left care the year before.|The home was described as chaotic, with dogs and smoking indoors.|Practitioners had given safe sleep advice but never saw where {name} actually slept.|The family had been "
            "placed in temporary accommodation far from their support network.|On the night of the death the family were staying with relatives, away from their usual routine."
        ),
        "ag": P(
            "midwifery|health visiting|the GP practice|{csc}|early help|"
            "housing|substance misuse services|the police|the ambulance service|a children's centre"
        ),
        "focus": P(
            "how safe sleep advice was given and checked|how agencies responded to parental alcohol and drug use|whether practitioners saw the "
            "sleeping arrangements|the family's housing and its effect on safe sleep|the response to earlier concerns about neglect|how fathers were included in safe sleep conversations"
        ),
        "topics": ["sleep", "substance", "neglect", "curiosity", "men", "multiagency", "info", "housing", "history"],
    },
    "neglect": {
        "w": 15,
        "kind": "child",
        "group": True,
        "fem": 0.5,
        "ages": [("year", 1, 14)],
        "kw": ["neglect", "wnb", "cp", "history", "housing"],
        "out": P(
            "experienced prolonged and serious neglect|was found living in squalid conditions, underweight and "
            "with untreated dental decay|died after a long period in which {poss} medical needs were neglected|was removed from {poss} parents' care after years of neglect|was admitted to hospital severely malnourished|suffered serious harm from "
            "chronic neglect over several years|was found alone at home, hungry and unkempt|died in a house fire while left unsupervised|was seriously injured in a fall from a window while unsupervised"
        ),
        "gout": P(
            "experienced chronic neglect over "
            "many years|were removed into care after being found in squalid conditions|suffered prolonged neglect, with missed health care and poor school attendance|were found living in a hoarded and unsafe home"
        ),
        "bg": P(
            "The family had been known "
            "to {csc} for more than ten years, with repeated referrals that closed without lasting change.|School attendance was poor and {name} often arrived hungry and in dirty clothes.|Health appointments were repeatedly missed, including dental "
            "and developmental checks.|The mother had a learning disability and little support.|The home was cluttered, with hoarding and poor hygiene noted on several visits.|The family had been subject to child protection planning on three "
            "separate occasions.|Periods of improvement were followed by deterioration once services stepped down.|The family moved house frequently and changed GP several times.|The father was rarely seen by professionals.|Both parents misused "
            "alcohol, and there was domestic abuse in the home."
        ),
        "ag": P(
            "{csc}|health visiting|the school|school nursing|the GP practice|early help|housing|the police|a dental practice|education welfare|a nursery"
        ),
        "focus": P(
            "the cumulative impact "
            "of neglect|the use of tools such as the Graded Care Profile|the pattern of cases being opened and closed|how missed health appointments were followed up|whether the children's daily experience was understood|the effectiveness of child "
            "protection planning"
        ),
        "topics": [
            "neglect",
            "wnb",
            "history",
            "voice",
            "optimism",
            "thresholds",
            "multiagency",
            "supervision",
            "escalation",
            "housing",
        ],
    },
    "cse": {
        "w": 7,
        "kind": "teen",
        "fem": 0.88,
        "ages": [("year", 12, 17)],
        "kw": ["cse", "teen", "missing", "online", "lac"],
        "out": P(
            "was sexually exploited by a group of adult men|was groomed and sexually exploited by men {pron} met online and in the "
            "town centre|was trafficked between towns for sexual exploitation|was repeatedly reported missing and was sexually exploited|was raped by an adult {pron} had met through social media|died after taking drugs supplied by men who were "
            "exploiting {obj}"
        ),
        "bg": P(
            "{name} had been in care since early childhood and had several placement moves.|{name} was often missing overnight and was found in the company of older men.|{name} had disclosed abuse to a teacher but later "
            "withdrew the account.|{poss} relationship with {poss} mother had broken down and {pron} was staying with friends.|Professionals sometimes described {name} as making lifestyle choices.|{name} had been excluded from school and was "
            "attending alternative provision part time.|There were concerns about alcohol and drug use from the age of 13."
        ),
        "ag": P(
            "{csc}|the police|the school|alternative provision|sexual health services|CAMHS|a specialist exploitation service|the "
            "youth justice service|the missing persons team|the GP practice"
        ),
        "focus": P(
            "how agencies recognised and responded to exploitation|the language professionals used to describe {name}|the response to repeated missing episodes|the use of "
            "disruption tactics against perpetrators|return home interviews|how well {name}'s voice was heard"
        ),
        "topics": ["exploitation", "voice", "online", "lac", "multiagency", "info", "culture", "curiosity"],
    },
    "cce": {
        "w": 7,
        "kind": "teen",
        "fem": 0.1,
        "ages": [("year", 13, 17)],
        "kw": ["cce", "knife", "teen", "missing", "exclusion"],
        "out": P(
            "was fatally stabbed|was stabbed and seriously injured in a street attack|was criminally exploited through county "
            "lines drug dealing|was arrested far from home in possession of drugs and cash|died after being assaulted by older young people linked to drug dealing|was found in a flat used for cuckooing, having been exploited to sell drugs"
        ),
        "bg": P(
            "{name} had been permanently excluded from school in Year 9.|{name} had been reported missing many times and was found in other counties.|{name} had a diagnosis of ADHD and had waited a long time for speech and language support.|{poss} "
            "older brother was known to the police for drug offences.|{name} had been referred through the National Referral Mechanism as a possible victim of trafficking.|The family had asked for help, saying they could not keep {name} safe.|"
            "{name} was treated as an offender rather than a victim of exploitation."
        ),
        "ag": P(
            "the youth justice service|the police|the school|alternative provision|{csc}|early help|CAMHS|the emergency department|housing|a youth work project"
        ),
        "focus": P(
            "how agencies responded to harm outside the home|the impact of school exclusion|whether {name} was seen as a victim|the use of the National Referral Mechanism|how the family were supported|contextual safeguarding responses"
        ),
        "topics": ["exploitation", "education", "culture", "multiagency", "info", "voice", "transitions", "thresholds"],
    },
    "suicide": {
        "w": 9,
        "kind": "teen",
        "fem": 0.55,
        "ages": [("year", 11, 17)],
        "kw": ["suicide", "selfharm", "teen", "camhs", "online"],
        "out": P(
            "died by suicide|took {poss} own life|died in circumstances that suggested suicide|made a serious attempt to "
            "take {poss} own life|died following self-harm at home"
        ),
        "bg": P(
            "{name} had a history of self-harm and had been seen in the emergency department twice in the previous year.|{name} had been referred to CAMHS but did not meet the threshold "
            "for specialist help.|{name} was questioning {poss} gender identity and had been bullied at school.|{name} was autistic, which had only recently been diagnosed.|There had been a recent bereavement in the family.|{name} had been bullied "
            "online after an image was shared among peers.|{poss} parents had separated and there was conflict over contact.|{name} was on a waiting list for therapy."
        ),
        "ag": P(
            "CAMHS|the school|the GP practice|the emergency department|school nursing|"
            "{csc}|the police|a counselling service|early help"
        ),
        "focus": P(
            "the response to repeated self-harm|access to mental health support|how the school responded to bullying|communication with {poss} parents about risk|what happened while "
            "{name} was waiting for treatment"
        ),
        "topics": ["selfharm", "transitions", "info", "voice", "online", "disability", "thresholds", "multiagency"],
    },
    "da": {
        "w": 8,
        "kind": "child",
        "group": True,
        "fem": 0.5,
        "ages": [("year", 0, 12)],
        "kw": ["da", "homicide", "cp", "men"],
        "out": P(
            "was killed by {poss} father, who then took his own life|died after being assaulted by {poss} mother's partner|witnessed "
            "the killing of {poss} mother by her former partner|was seriously injured during an assault on {poss} mother|lived with long-standing domestic abuse and coercive control"
        ),
        "gout": P(
            "lived with domestic abuse for many years before their "
            "mother was killed by her partner|were present when their mother was seriously assaulted"
        ),
        "bg": P(
            "The father had a history of violence towards previous partners.|The mother had twice been assessed as high risk at MARAC.|The mother told "
            "the GP and health visitor that she was frightened of her partner.|Bail conditions and non-molestation orders were repeatedly breached.|Police attended the home more than a dozen times in the two years before.|The couple separated "
            "shortly before the incident, a known time of heightened risk.|The father was under probation supervision after a conviction for assault."
        ),
        "ag": P(
            "the police|{csc}|probation|a domestic abuse service|the IDVA service|the GP practice|"
            "health visiting|the school|housing|adult mental health services"
        ),
        "focus": P(
            "how risk from domestic abuse was assessed|the impact of coercive control on the children|the response to separation as a time of increased risk|the "
            "effectiveness of MARAC|whether the children were seen as victims in their own right|how agencies engaged with the perpetrator"
        ),
        "topics": ["da", "men", "info", "voice", "multiagency", "history", "escalation", "mh", "substance"],
    },
    "csa": {
        "w": 6,
        "kind": "child",
        "group": True,
        "fem": 0.7,
        "ages": [("year", 3, 15)],
        "kw": ["csa", "men", "voice", "hsb"],
        "out": P(
            "was sexually abused over several years|was sexually abused by a man known to the family|disclosed sexual abuse that had "
            "gone on for several years|was sexually abused by an adult in the household|was sexually abused by an adult in a position of trust"
        ),
        "gout": P(
            "were sexually abused within the family over a number of years|were sexually abused by a "
            "relative who was a registered sex offender"
        ),
        "bg": P(
            "The abuser was a registered sex offender who had formed a relationship with {poss} mother.|{name} had shown sexualised behaviour at nursery and school.|An earlier disclosure to a "
            "teacher led to a police investigation that ended with no further action.|Signs of abuse, including soreness, wetting and changes in behaviour, were not recognised.|The family were part of a close-knit community and mistrustful of "
            "services.|{name} had a learning disability and limited speech.|The perpetrator was well regarded locally and volunteered at a youth club."
        ),
        "ag": P(
            "the police|{csc}|the school|the GP practice|paediatrics|probation|CAMHS|a sexual assault "
            "referral centre|a sports club|a faith organisation|the LADO"
        ),
        "focus": P(
            "how signs of sexual abuse were recognised|the response to {name}'s disclosure|the management of a known sex offender in the community|allegations against people in "
            "positions of trust|support for the non-abusing parent"
        ),
        "topics": ["sa", "voice", "info", "men", "curiosity", "disability", "culture", "multiagency"],
    },
    "fii": {
        "w": 2,
        "kind": "child",
        "fem": 0.5,
        "ages": [("year", 1, 12)],
        "kw": ["fii", "info", "curiosity"],
        "out": P(
            "was subjected to fabricated or induced illness by {poss} mother|underwent unnecessary medical investigations and procedures over "
            "several years|was given medication that had not been prescribed and became seriously ill"
        ),
        "bg": P(
            "{name} had seen many different consultants in several hospitals.|{poss} mother reported symptoms that professionals never observed.|"
            "{name} used a wheelchair, although no medical cause was found.|School attendance was very low because of reported illness."
        ),
        "ag": P("paediatrics|the GP practice|the school|tertiary hospital services|community nursing|{csc}|the police"),
        "focus": P(
            "how concerns about fabricated illness were recognised and escalated|communication between hospitals|the role of the GP in holding the whole picture"
        ),
        "topics": ["fii", "info", "curiosity", "escalation", "voice", "education"],
    },
    "online": {
        "w": 3,
        "kind": "teen",
        "fem": 0.6,
        "ages": [("year", 11, 17)],
        "kw": ["online", "teen", "selfharm", "cse"],
        "out": P(
            "was groomed online by an adult who later abused {obj}|died by suicide after being blackmailed with sexual images|was "
            "sexually abused by an adult {pron} met through an online game|shared sexual images that were then distributed among peers"
        ),
        "bg": P(
            "{name} spent long periods online late at night.|{poss} parents had little understanding of the apps "
            "{pron} used.|The school had dealt with an earlier incident of image sharing as a behaviour matter."
        ),
        "ag": P("the school|the police|CAMHS|{csc}|the GP practice|school nursing"),
        "focus": P(
            "how agencies understood {name}'s online life|the "
            "response to image sharing|support for parents around online safety"
        ),
        "topics": ["online", "selfharm", "voice", "education", "info"],
    },
    "lac": {
        "w": 6,
        "kind": "teen",
        "fem": 0.5,
        "ages": [("year", 13, 17)],
        "kw": ["lac", "leavers", "transition", "selfharm"],
        "out": P(
            "died while living in a residential children's home|was seriously harmed while placed in unregistered accommodation|was "
            "seriously assaulted while placed far from home|died from a drug overdose in supported accommodation"
        ),
        "bg": P(
            "{name} had experienced more than a dozen placement moves.|{name} had been placed more than 100 miles from home.|{name} had a "
            "personal adviser, but contact was inconsistent.|{name} moved into supported accommodation at 17 with little preparation.|{poss} care plan did not reflect {poss} wishes about family contact."
        ),
        "ag": P(
            "the virtual school|{csc}|the leaving "
            "care team|the residential home|CAMHS|the police|adult mental health services|housing|the independent reviewing officer|substance misuse services"
        ),
        "focus": P(
            "the stability of {name}'s placements|the use of unregistered placements|"
            "planning for leaving care|how {name}'s wishes shaped the care plan"
        ),
        "topics": ["lac", "transitions", "voice", "selfharm", "exploitation", "info"],
    },
    "adult": {
        "w": 2,
        "kind": "adult",
        "fem": 0.5,
        "ages": [("year", 18, 21)],
        "kw": ["leavers", "transition", "suicide", "lac"],
        "out": P(
            "died by suicide shortly after leaving care|died from an overdose in supported accommodation|was seriously assaulted "
            "by a partner soon after leaving care"
        ),
        "bg": P(
            "{name} had been in care from the age of eight.|{name}'s personal adviser changed three times in a year.|{name} was homeless for several weeks before {poss} death."
        ),
        "ag": P(
            "the leaving care "
            "team|adult mental health services|housing|substance misuse services|the police|the GP practice|probation"
        ),
        "focus": P(
            "the transition from children's to adult services|support for care leavers|how housing and mental health services "
            "worked together"
        ),
        "topics": ["transitions", "lac", "selfharm", "mh", "substance", "housing"],
    },
    "disab": {
        "w": 4,
        "kind": "child",
        "fem": 0.4,
        "ages": [("year", 1, 17)],
        "kw": ["disab", "neglect", "voice"],
        "out": P(
            "died after {poss} complex health needs were not met|was found severely malnourished, having been withdrawn from school|was harmed "
            "by the carer responsible for {poss} personal care|died following a seizure at home after medication had not been given"
        ),
        "bg": P(
            "{name} was non-verbal and communicated using signs and gestures.|{name} had cerebral palsy and epilepsy and "
            "was fed through a gastrostomy tube.|{poss} parents were exhausted and had asked repeatedly for respite care.|Professionals focused on the parents' needs as carers rather than on {name}'s safety."
        ),
        "ag": P(
            "the special school|community "
            "nursing|paediatrics|the children with disabilities team|the GP practice|SEND services|respite care|occupational therapy"
        ),
        "focus": P(
            "how {name}'s needs as a disabled child were understood|the response to missed medical appointments|"
            "support for the family as carers"
        ),
        "topics": ["disability", "voice", "wnb", "education", "multiagency", "optimism"],
    },
    "ehe": {
        "w": 3,
        "kind": "child",
        "fem": 0.5,
        "ages": [("year", 5, 15)],
        "kw": ["ehe", "neglect", "voice"],
        "out": P(
            "died after being withdrawn from school for elective home education|was seriously neglected after being removed from the school roll|was "
            "found to have been isolated at home and missing education for two years"
        ),
        "bg": P(
            "The family withdrew {name} from school shortly after a referral to {csc}.|No professional had seen {name} for more than a year.|The elective home "
            "education team had no power to see {name}."
        ),
        "ag": P("the school|the elective home education team|education welfare|the GP practice|{csc}|school nursing"),
        "focus": P(
            "the response when {name} was withdrawn from school|the oversight of "
            "children educated at home|whether anyone saw {name}"
        ),
        "topics": ["education", "voice", "neglect", "info", "history"],
    },
    "unborn": {
        "w": 3,
        "kind": "baby",
        "fem": 0.5,
        "ages": [("day", 1, 13)],
        "kw": ["prebirth", "babies", "sm"],
        "out": P(
            "died shortly after birth following a concealed pregnancy|was seriously harmed in the first days of life|died after being born at home "
            "without medical care"
        ),
        "bg": P(
            "The mother had concealed the pregnancy from professionals and her family.|Four older children had been removed from the mother's care.|The pre-birth assessment was not completed before the birth."
        ),
        "ag": P("midwifery|the GP practice|{csc}|substance misuse services|the police|health visiting"),
        "focus": P(
            "the timeliness of pre-birth assessment|the response to a concealed pregnancy|what had changed since older children were removed"
        ),
        "topics": ["prebirth", "men", "history", "info", "substance"],
    },
    "hsb": {
        "w": 2,
        "kind": "teen",
        "fem": 0.1,
        "ages": [("year", 12, 17)],
        "kw": ["hsb", "teen", "csa"],
        "out": P("sexually assaulted a younger child|seriously injured another young person|harmed a younger sibling"),
        "bg": P(
            "{name} had been a victim of "
            "abuse earlier in childhood.|Earlier concerns about {poss} behaviour were managed by the school alone."
        ),
        "ag": P("the school|{csc}|the police|the youth justice service|CAMHS"),
        "focus": P("the response to harmful sexual behaviour|support for both children"),
        "topics": ["sa", "education", "voice", "history"],
    },
}

# ---------------------------------------------------------------- learning points
LEARN = {
    "info": (
        P("Information sharing|Sharing information|Communication between agencies"),
        ["info"],
        P(
            "Professionals did not share information about the {man}'s history of {hist}, so the risk he posed to {name} was never properly assessed.|"
            "Information held by {ag1} was not passed to {ag2}, and each agency saw only part of the picture of {child}'s life.|Agencies should not assume that others already know what they know; information needs to be shared actively and its "
            "receipt confirmed.|Referrals were often made by telephone without written follow-up, and the detail of the concern was lost by the time it reached the front door.|GP records held important information about the parents' {hist} that was "
            "not requested or offered when the family were assessed.|Practitioners were unsure whether they could share information without consent. The safety of a child always takes priority over confidentiality.|When the family moved between "
            "areas, records did not follow promptly, and the new services started without knowing the history.|Strategy discussions need the right agencies present. Health and education were not invited, and important information was missed."
        ),
    ),
    "curiosity": (
        P("Professional curiosity|Curiosity and challenge"),
        ["curiosity"],
        P(
            "Practitioners accepted the parents' explanations at face value and did not ask the further questions that would have revealed the risks to {name}.|"
            "Professional curiosity means looking beyond what is presented, asking who lives in and visits the home, and checking what is said against what is seen.|The {role} noticed changes in {name}'s presentation but did not explore them; "
            "curiosity needs time, confidence and supportive supervision.|Visits were announced and short, and practitioners rarely saw the whole home, including where {child} slept.|Practitioners need to be curious about the adults in a child's "
            "life, including new partners and visitors, and to check what they are told with other agencies.|Inconsistent accounts from the parents were recorded but were not challenged or brought together."
        ),
    ),
    "voice": (
        P("The voice of the child|Lived experience|Seeing the child"),
        ["voice"],
        P(
            "{name}'s voice was largely absent from assessments and plans; professionals spoke to the adults around {obj} rather than to {name}.|Practitioners "
            "rarely saw {name} alone, and {poss} wishes and feelings were not recorded.|For babies and young children who cannot speak, the voice of the child means careful observation of their presentation, care and interactions.|{name} showed "
            "professionals what was happening through {poss} behaviour, but this was treated as a problem to be managed rather than as communication.|Practitioners need to understand what a day in {name}'s life was actually like and record it, in "
            "{poss} own words where possible.|When {name} did speak about {poss} worries, there was no clear plan to act on what {pron} said, and {pron} stopped telling."
        ),
    ),
    "men": (
        P("Unseen men|Working with fathers|Fathers and male carers"),
        ["men"],
        P(
            "The {man} was largely invisible to services; he was not included in assessments and little was known about his background or his role in caring for "
            "{child}.|Agencies focused on the mother, and the {man}'s history of {hist} was never checked.|Practitioners need to ask who lives in and regularly visits the household, and to carry out checks on any new partner.|Fathers and male "
            "carers should be routinely invited to appointments and assessments, and their absence should be questioned, not accepted.|Maternity and health visiting records contained almost no information about the {man}, even though he was caring "
            "for {child} for much of the day.|Services are often organised around mothers; workers need to engage with fathers directly, including those who are hard to reach or hostile."
        ),
    ),
    "escalation": (
        P("Escalation|Professional challenge|Resolving disagreements"),
        ["esc"],
        P(
            "Professionals who disagreed with decisions did not use the escalation procedure, and their concerns were never resolved.|The {role} was worried "
            "that the case had been closed too early but did not feel able to challenge the decision.|Escalation policies exist but are rarely used; practitioners need to feel confident and supported to challenge decisions they think leave a child "
            "unsafe.|When a referral is not accepted, the referring agency should be told why and should escalate if it still has concerns.|Disagreements between {ag1} and {ag2} about thresholds went unresolved for months while things got worse for "
            "{child}."
        ),
    ),
    "history": (
        P("Understanding history|Start again syndrome|Use of chronologies"),
        ["history"],
        P(
            "Each new assessment started again and did not draw on the family's long history with services, a pattern known as start again syndrome.|"
            "Chronologies were not kept up to date, so the pattern of repeated concerns about {hist} was not visible to the professionals involved.|Practitioners need to consider the whole history, including previous child protection involvement "
            "with older siblings, when assessing current risk.|Incidents were treated in isolation; looked at together, they showed a clear and escalating pattern of risk to {name}.|The parents' own experiences of care and abuse in childhood were "
            "known but were not considered in assessing their capacity to parent."
        ),
    ),
    "optimism": (
        P("Disguised compliance|The rule of optimism|Sustained change"),
        ["dc"],
        P(
            "Professionals were reassured by short-term improvements and closed the case before change had been sustained.|The parents appeared to cooperate, "
            "attending some appointments and agreeing to plans, while the care of {child} did not improve.|The rule of optimism led practitioners to interpret evidence in the light most favourable to the parents, even when concerns continued.|"
            "Practitioners need to judge progress by its impact on the child's daily life, not by the parents' attendance at meetings or agreement with the plan.|The {role} had built a good relationship with the mother, which made it harder to see "
            "and challenge continuing risk."
        ),
    ),
    "thresholds": (
        P("Thresholds|The front door|Applying thresholds"),
        ["thresholds"],
        P(
            "Referrals to the front door were assessed one at a time and did not meet the threshold, although together they showed significant harm.|Decisions at "
            "the multi-agency safeguarding hub were made without consulting the agencies that knew the family well.|The case was stepped down to early help without a clear plan or agreement from the family, and engagement soon fell away.|"
            "Practitioners were uncertain about when concerns should lead to a child protection enquiry rather than a child in need assessment.|A strategy discussion should have been held when {name} was injured; instead, the concern was handled as "
            "a single-agency matter."
        ),
    ),
    "wnb": (
        P("Was not brought|Missed appointments"),
        ["wnb"],
        P(
            "Missed appointments were recorded as 'did not attend'; describing children as 'was not brought' helps practitioners recognise the risk of neglect.|{name} missed a series of "
            "health appointments, including immunisations and developmental reviews, and no agency brought this pattern together.|When a child is not brought to appointments, the reasons should be explored with the family and shared with the GP and "
            "health visitor.|Services discharged {name} after repeated missed appointments, leaving no professional monitoring {poss} health needs."
        ),
    ),
    "supervision": (
        P("Supervision|Management oversight|Workforce"),
        ["sup"],
        P(
            "Supervision focused on tasks and timescales rather than reflection, and did not help the {role} step back and think about risk.|High caseloads and staff "
            "turnover meant {name} had several social workers in a short period, and relationships with the family were lost.|Managers need to make sure that supervision challenges assumptions and tests the evidence for decisions about a child's "
            "safety.|[C]Practitioners described working under pressure during the pandemic, with visits moved online and fewer chances to see children in person."
        ),
    ),
    "transitions": (
        P("Transitions|Transition to adulthood"),
        ["transition"],
        P(
            "The move from children's to adult services was poorly planned, and support fell away just when {name} most needed it.|Transitions between schools, areas and "
            "services were points of risk where information and relationships were lost.|Young people approaching 18 need a planned transition, with adult services involved early and the young person's views at the centre.|{name} was discharged "
            "from CAMHS without a referral to adult mental health services being accepted."
        ),
    ),
    "mh": (
        P("Parental mental health|Think family"),
        ["pmh"],
        P(
            "The impact of the mother's mental ill health on her ability to care for {child} was not assessed, and adult services did not think about the children.|Adult mental health "
            "services need to think family, asking about the children in the household and sharing concerns with children's services.|Perinatal mental health needs were identified, but the referral was not followed up when the family moved.|"
            "Professionals treated the parent's symptoms in isolation from their role as a parent."
        ),
    ),
    "substance": (
        P("Parental substance misuse|Alcohol and drugs"),
        ["sm"],
        P(
            "The parents' drug and alcohol use was known, but its effect on the supervision and care of {child} was not assessed.|Substance misuse services worked with the "
            "{man} as an individual and did not consider the risk to the children in his care.|Practitioners need to ask specific questions about alcohol and drug use and how it affects care at night, including sleeping arrangements.|Self-report "
            "and occasional testing gave a misleading picture of the parents' substance use; evidence from several sources is needed."
        ),
    ),
    "da": (
        P("Domestic abuse|Coercive control"),
        ["da"],
        P(
            "Domestic abuse incidents were treated as separate events, and the cumulative harm to {child} was not recognised.|The children were not seen as victims of domestic abuse in their own "
            "right, even though they were present during incidents.|Risk assessments relied on the mother's account and were not updated when the couple reconciled.|Separation is a time of heightened risk; safety planning needs to continue after a "
            "couple separate.|Agencies need to understand coercive control and how it can prevent a parent from protecting her children or engaging with services.|MARAC actions were not followed through, and agencies assumed someone else was "
            "monitoring the family."
        ),
    ),
    "bruising": (
        P("Bruising in non-mobile babies|Injuries to babies"),
        ["bruising", "nai"],
        P(
            "Bruising in a non-mobile baby should always prompt a referral to {csc} and a paediatric assessment, whatever explanation is offered.|A small "
            "bruise on {name}'s {body} was accepted as accidental without following the protocol for non-mobile babies.|Practitioners need to know and follow the local protocol for bruising and injuries in non-mobile babies, and managers need to "
            "check it is used.|Minor injuries in very young babies can be sentinel injuries that come before more serious abuse; they need full investigation.|Skin marks were described differently by each professional and were not photographed or "
            "body-mapped, which made later review difficult."
        ),
    ),
    "sleep": (
        P("Safe sleep|Sudden unexpected death in infancy"),
        ["sleep"],
        P(
            "Safe sleep advice was given in a standard way but was not tailored to the family's circumstances, including alcohol use and overcrowding.|Health visitors need to "
            "see where a baby sleeps, day and night, and talk with parents about what will happen when plans change, such as visits or nights out.|The risks of sharing a sofa or bed after drinking alcohol or using drugs need to be explained clearly "
            "and repeated at every contact.|Many sudden infant deaths in families known to services happen when the usual routine is disrupted; advice should cover these times.|Fathers and other carers were not included in safe sleep conversations, "
            "although they often cared for the baby at night."
        ),
    ),
    "exploitation": (
        P("Exploitation|Contextual safeguarding|Children as victims of exploitation"),
        ["missing"],
        P(
            "Professionals described {name} as making choices and putting {refl} at risk; this language placed responsibility on a child "
            "who was being exploited.|Agencies focused on the family home, when the main risks to {name} came from peers, places and adults in the community.|Missing episodes were a clear warning sign, but return home interviews were not always "
            "done and the information was not analysed.|Exploited children need to be treated as victims; referral to the National Referral Mechanism and disruption of perpetrators should happen early.|Arrests for drug offences were dealt with "
            "through the criminal justice route without recognising {name} as a victim of criminal exploitation.|A trusted relationship with one consistent worker made the biggest difference to {name}, but it was lost when services changed.|"
            "Multi-agency exploitation meetings shared information but did not produce a plan that reduced the risks."
        ),
    ),
    "selfharm": (
        P("Self-harm and suicide|Emotional wellbeing"),
        ["selfharm"],
        P(
            "Repeated self-harm was treated as attention seeking rather than a sign of serious distress and risk of suicide.|Each presentation at the emergency department "
            "was treated in isolation, and the pattern of increasing risk was missed.|Young people on waiting lists for CAMHS need someone to hold the risk and keep in touch while they wait.|Schools need clear routes to mental health advice when a "
            "pupil discloses suicidal thoughts, and parents need to be told how to keep the young person safe at home.|Safety plans were not shared with {poss} family or school, so the people closest to {name} did not know what to do."
        ),
    ),
    "neglect": (
        P("Neglect|Cumulative harm"),
        ["neglect"],
        P(
            "The cumulative impact of neglect was not recognised because each concern was judged on its own and appeared minor.|Tools such as the Graded Care Profile were not used, and "
            "assessments lacked a shared picture of what good enough care looked like.|Professionals became used to the conditions in the home and lost sight of how poor they were.|Plans to address neglect need clear, measurable goals and a "
            "timescale, with a clear response if improvements are not made and sustained.|Neglect of health, including dental decay and missed immunisations, was an early sign that was not acted on."
        ),
    ),
    "education": (
        P("Education|School attendance|Education as a protective factor"),
        ["school"],
        P(
            "Schools hold vital information about children's daily lives; the designated safeguarding lead was not invited to meetings that decided the "
            "plan for {name}.|Part-time timetables and exclusion left {name} without the protection of a school day and increased {poss} exposure to harm.|Once {name} was removed from the school roll for elective home education, no professional had "
            "a right to see {obj}, and concerns went unchecked.|Poor attendance was treated as an education issue rather than a safeguarding concern.|Children missing education should be seen as at risk; the local authority needs to know where they "
            "are and who is seeing them."
        ),
    ),
    "disability": (
        P("Disabled children|Communication"),
        ["disab"],
        P(
            "Disabled children face additional barriers to being heard; professionals did not find ways to communicate with {name} directly.|Professionals focused on {name}'s "
            "impairment and care needs and did not recognise signs of abuse and neglect.|The parents' needs as carers dominated assessments, and the impact on {name} of unmet needs was not considered.|Practitioners did not consider how {name}'s "
            "neurodivergence affected how {pron} experienced and reported harm."
        ),
    ),
    "culture": (
        P("Culture and identity|Race and ethnicity|Understanding the family"),
        ["race"],
        P(
            "Practitioners did not explore how the family's culture, faith and immigration status shaped their contact with services.|Interpreters were "
            "not used consistently, and family members interpreted at key appointments, so {name}'s mother could not speak freely.|{name} was treated as older and more responsible than {pron} was, a form of adultification that reduced the "
            "protection offered.|Professionals need to consider how race and racism affect a child's experience of services, and to talk about identity directly with the child and family."
        ),
    ),
    "online": (
        P("Online harm|Online safety"),
        ["online"],
        P(
            "Professionals did not ask about {name}'s online life, although much of the harm was happening through social media and messaging apps.|Schools and parents need support to "
            "understand sextortion, and young people need to know they can ask for help without being blamed.|Image sharing incidents were dealt with as behaviour matters and were not referred to the police or {csc}."
        ),
    ),
    "lac": (
        P("Children in care|Corporate parenting|Care and leaving care"),
        ["lac"],
        P(
            "Frequent placement moves left {name} without stable relationships, and each move reduced {poss} trust in adults.|Placements far from home cut {name} off "
            "from family, school and services, and increased the risk of exploitation.|Unregulated placements were used because nothing else was available; corporate parents need to ask whether they would accept this for their own child.|The "
            "independent reviewing officer raised concerns about the care plan, but these were not acted on.|Care leavers need a personal adviser who knows them well and who keeps offering support when things go wrong."
        ),
    ),
    "multiagency": (
        P("Multi-agency working|Child protection planning|Working together"),
        ["maw", "cp"],
        P(
            "Child protection conferences and core groups were poorly attended, and actions were not followed up between meetings.|There was no "
            "shared plan, and each agency worked to its own priorities without a lead professional.|The child protection plan lacked clear outcomes, so it was not possible to tell whether {name} was any safer.|The {role} persistently followed up "
            "concerns and kept {name} in view, showing what consistent multi-agency work can achieve.|Agencies met frequently, but meetings were about sharing updates rather than analysing risk and agreeing what would change."
        ),
    ),
    "fii": (
        P("Fabricated or induced illness|Perplexing presentations"),
        ["fii"],
        P(
            "Concerns were held by individual clinicians but not brought together, because each saw only a small part of {name}'s medical history.|Clinicians need to "
            "follow the guidance on perplexing presentations and involve the named doctor for safeguarding early.|The GP practice was best placed to hold a full record of {name}'s many appointments and referrals, but did not have the information it "
            "needed."
        ),
    ),
    "sa": (
        P("Child sexual abuse|Recognising sexual abuse|Responding to sexual abuse"),
        ["csa"],
        P(
            "Signs of sexual abuse, such as changes in behaviour, soiling and sexualised behaviour, were noticed but not recognised as possible "
            "indicators.|Children rarely disclose sexual abuse directly; professionals need to be alert to indirect signs and create chances for children to talk.|When {name} disclosed abuse, {pron} was not given the support needed, and the "
            "investigation ended without a protective plan.|Managing the risk from known sex offenders requires probation, the police and {csc} to share information about new relationships.|Harmful sexual behaviour by children needs a specialist "
            "assessment that considers both the child who harmed and the child who was harmed."
        ),
    ),
    "prebirth": (
        P("Pre-birth assessment|Unborn babies"),
        ["prebirth"],
        P(
            "Pre-birth assessment started too late to influence the plan; concerns known in early pregnancy should lead to a prompt referral.|Where previous children have been "
            "removed, a pre-birth assessment should consider what has changed, with evidence rather than assertion.|Concealed and late-booked pregnancies need a multi-agency response, as they carry risks for both mother and baby."
        ),
    ),
    "housing": (
        P("Housing|Housing and safeguarding"),
        ["housing"],
        P(
            "The family's moves between temporary accommodation disrupted health visiting and schooling, and no one held the whole picture.|Housing services held relevant information "
            "about the family's circumstances but were not seen as safeguarding partners.|Overcrowded and unsafe housing was a clear factor in the risks to {name}; assessments need to consider the home environment in detail."
        ),
    ),
}
FOLLOW = P(
    "This was a missed opportunity to understand what life was like for {name}.|The partnership should seek assurance that this learning is now embedded in practice.|As a result, risk was underestimated at key points.|This has been "
    "a theme in previous local and national reviews.|Managers need to check this through supervision and case audit.|Practitioners told the review that high workloads made this difficult.|This left {child} exposed to continuing harm.|"
    "Training alone will not change this; it needs to be reinforced through supervision.|The same issue was found in a recent thematic review.|Agencies have since revised their procedures, and the review asks for evidence that the changes "
    "are working.|Practitioners need the time and confidence to do this well.|It is not clear the outcome would have been different, but the risks would have been better understood.|There is no evidence that this was discussed at any "
    "multi-agency meeting.|This learning applies to all agencies, not only those involved with {name}.|Records did not show how decisions were reached or who was responsible for the next steps.|Good practice was also seen, but it depended "
    "on individuals rather than systems.|A single-agency response was not enough.|This is a national as well as a local issue."
)
KW = {
    "nai": P("non-accidental injury|NAI|physical abuse"),
    "aht": P("abusive head trauma|AHT|head injury"),
    "bruising": P("bruising|bruising in non-mobile babies"),
    "babies": P("babies|infants"),
    "men": P("fathers|unseen men|male carers"),
    "sleep": P("safe sleep|SUDI|co-sleeping"),
    "sm": P("substance misuse|parental substance misuse|alcohol misuse|drug misuse"),
    "neglect": P("neglect|chronic neglect"),
    "wnb": P("was not brought|missed appointments|DNA"),
    "cp": P("child protection plans|child protection"),
    "history": P("start again syndrome|chronologies"),
    "housing": P("housing|homelessness|temporary accommodation"),
    "cse": P("child sexual exploitation|CSE|sexual exploitation"),
    "teen": P("teenagers|adolescents|young people"),
    "missing": P("missing children|missing from home"),
    "online": P("online abuse|online safety|sextortion"),
    "lac": P("looked after children|LAC|children in care"),
    "cce": P("criminal exploitation|CCE|county lines"),
    "knife": P("knife crime|serious youth violence"),
    "exclusion": P("school exclusion|exclusion"),
    "school": P("education|school attendance"),
    "suicide": P("suicide"),
    "selfharm": P("self-harm"),
    "camhs": P("CAMHS|mental health"),
    "da": P("domestic abuse|DV|domestic violence|DA"),
    "homicide": P("homicide|filicide"),
    "csa": P("child sexual abuse|CSA|sexual abuse"),
    "hsb": P("harmful sexual behaviour|HSB"),
    "voice": P("voice of the child|lived experience"),
    "fii": P("fabricated or induced illness|FII"),
    "info": P("information sharing"),
    "curiosity": P("professional curiosity"),
    "leavers": P("care leavers|leaving care"),
    "transition": P("transitions|transition to adult services"),
    "disab": P("disabled children|disability|SEND|learning disabilities"),
    "ehe": P("elective home education|EHE|children missing education"),
    "prebirth": P("pre-birth assessment|concealed pregnancy"),
    "esc": P("escalation"),
    "dc": P("disguised compliance|rule of optimism"),
    "thresholds": P("thresholds"),
    "sup": P("supervision"),
    "pmh": P("parental mental health|maternal mental health"),
    "race": P("race and ethnicity|culture|adultification"),
    "maw": P("multi-agency working|partnership working"),
    "covid": P("COVID-19"),
}

# ---------------------------------------------------------------- summary sentences
OPEN = P(
    "This {rt} concerns {name}, {age}, who {out}{when}.|The review was commissioned after {name}, {age}, {out}{when}.|{name}, {age}, {out}{when}.|This review examines multi-agency involvement with {name}, {age}, who {out}{when}.|"
    "{name} was {age} when {pron} {out}{when}.|{board} commissioned this {rt} after {name}, {age}, {out}{when}.|This {rt} considers the circumstances of {name}, {age}, who {out}{when}.|The {rt} was undertaken after {name}, {age}, "
    "{out}{when}."
)
AGS = P(
    "Agencies involved included {ags}.|{name} and {poss} family were known to {ags}.|The family had contact with {ags}.|Professionals from {ags} had been involved with the family.|The review drew on reports from {ags}.|In the period "
    "under review, the family were in contact with {ags}.|Information was provided by {ags}."
)
FOCUS = P(
    "The review examined {f1} and {f2}.|The review looked at {f1}, {f2} and {f3}.|Key lines of enquiry included {f1}, {f2} and {f3}.|It considered {f1}, as well as {f2}.|The terms of reference focused on {f1} and {f2}.|The reviewer "
    "explored {f1} and {f2}, and identified learning for all agencies.|The review sought to understand {f1} and {f2}."
)
GFOCUS = P(
    "the quality of information sharing between agencies|how well agencies understood the child's lived experience|the effectiveness of supervision and management oversight|whether thresholds were applied consistently|how agencies "
    "worked with fathers and male carers|the impact of staff turnover|whether professionals escalated their concerns|the role of early help|the use of chronologies and family history|how the family's culture and circumstances were "
    "understood|the response to missed appointments|the effectiveness of child protection planning|how agencies worked with a family who were reluctant to engage"
)
GBG = P(
    "The family were known to {csc} over several years, with repeated referrals that did not lead to assessment.|The family had moved frequently and were living in temporary accommodation.|{name}'s mother had herself been in care as a "
    "child.|There was a history of domestic abuse in the household.|The parents' use of alcohol was a recurring concern.|The family were reluctant to engage with services and often cancelled visits.|Several agencies were involved, but no "
    "single professional held the whole picture."
)
METHOD = {
    "old": P(
        "Individual management reviews were completed by each agency and brought together by an independent overview author.|An independent chair led the review panel, and each agency completed an individual management review."
    ),
    "scie": P(
        "The review used the SCIE Learning Together systems model, with a case group of frontline practitioners.|A significant incident learning process (SILP) was used, bringing practitioners and managers together at a learning "
        "event."
    ),
    "new": P(
        "The review followed a rapid review and was carried out in line with Working Together to Safeguard Children.|Practitioners contributed through interviews and a reflective learning event."
    ),
    "Wales": P(
        "A learning "
        "event was held with practitioners, in line with the Welsh Government guidance for child practice reviews.|The review panel was chaired independently on behalf of the regional safeguarding board."
    ),
    "Scotland": P(
        "An initial case "
        "review recommended that a full review be carried out.|The review was carried out under the national guidance for child protection committees undertaking learning reviews."
    ),
    "Northern Ireland": P(
        "Only the executive summary of the "
        "case management review has been published.|The review was carried out by an independent panel on behalf of the safeguarding board."
    ),
    "any": P(
        "Family members were invited to contribute; the father declined.|{name}'s mother and "
        "grandmother contributed to the review, and their views are included.|Publication was delayed until criminal proceedings had concluded.|The review covered the two years before the incident.|The review covered the period from the "
        "mother's pregnancy to the incident."
    ),
}
CONCL = P(
    "The review found examples of good practice, particularly by the {role}.|Recommendations address {h1}, {h2} and {h3}.|The partnership has published an action plan alongside the review.|The review concluded that the harm could "
    "not reasonably have been predicted, but identified learning about {h1} and {h2}.|Learning focuses on {h1} and {h2}.|The report makes {n} recommendations to {board_l}.|Many of the findings echo national learning from other reviews.|"
    "The review found missed opportunities to understand the risks to {name}."
)
ROLES = {
    "baby": P("health visitor|midwife|GP|social worker|family support worker|paediatrician"),
    "child": P("social worker|health visitor|school nurse|designated safeguarding lead|GP|family support worker"),
    "teen": P(
        "social worker|designated safeguarding lead|CAMHS practitioner|youth justice worker|GP|police officer|school nurse"
    ),
    "adult": P("personal adviser|GP|housing officer|mental health nurse"),
}
CHILD = {
    "baby": "the baby",
    "child": "the child",
    "teen": "the young person",
    "adult": "the young adult",
    "group": "the children",
}
MEN, BODY = (
    P("father|mother's partner|stepfather|mother's new partner|father's friend who lodged with the family"),
    P("cheek|ear|forehead|chest|arm|back|leg"),
)
HIST = P(
    "domestic abuse|violence towards a previous partner|drug misuse|mental ill health|offending|aggression towards professionals|alcohol misuse"
)
CSC = {
    "England": "children's social care",
    "Wales": "children's services",
    "Scotland": "social work services",
    "Northern Ireland": "the Trust's children's services",
}
BOARDS = {
    "LSCB": ["The Local Safeguarding Children Board", "The LSCB"],
    "England": ["The safeguarding partners", "The partnership"],
    "Wales": ["The Regional Safeguarding Board"],
    "Scotland": ["The Child Protection Committee"],
    "Northern Ireland": ["The Safeguarding Board"],
}
GENERIC = [
    "info",
    "curiosity",
    "voice",
    "men",
    "escalation",
    "history",
    "optimism",
    "thresholds",
    "supervision",
    "multiagency",
    "mh",
    "substance",
    "da",
    "housing",
    "culture",
    "wnb",
]
KW_NEEDS = {"homicide": ("kill",), "suicide": ("suicide", "own life"), "aht": ("head", "brain", "shaken", "subdural")}
ABBR = {
    "serious case review": "SCR",
    "child safeguarding practice review": "LCSPR",
    "child practice review": "CPR",
    "significant case review": "SCR",
    "learning review": "LR",
    "case management review": "CMR",
    "single unified safeguarding review": "SUSR",
}
YEARS = dict(zip(range(2007, 2026), [2, 3, 4, 5, 5, 5, 6, 7, 7, 7, 7, 7, 6, 6, 7, 7, 7, 6, 4], strict=False))


def review_type(r, nation, year):
    """(the type as the catalogue writes it, the type's name for prose)."""
    if r.random() < 0.03:
        return r.choice(
            P("Thematic review|Learning review|Multi-agency learning review|Local learning review")
        ), "review"
    if nation == "England":
        if r.random() < {2019: 0.6, 2020: 0.35, 2021: 0.15}.get(year, 1.0 if year < 2019 else 0.0):
            return r.choice(
                P("Serious case review|Serious Case Review|SCR|serious case review|Serious case review (SCR)")
            ), "serious case review"
        if r.random() < 0.01:
            return "National child safeguarding practice review", "national review"
        return r.choice(
            P(
                "Child safeguarding practice review|Local child safeguarding practice review|LCSPR|CSPR|Local Child Safeguarding Practice Review|"
                "Child Safeguarding Practice Review"
            )
        ), "child safeguarding practice review"
    if nation == "Wales":
        if year < 2013:
            return r.choice(P("Serious case review|SCR")), "serious case review"
        if year == 2025 or (year == 2024 and r.random() < 0.15):
            return r.choice(
                P("Single unified safeguarding review|SUSR|Single Unified Safeguarding Review")
            ), "single unified safeguarding review"
        k = "Concise" if r.random() < 0.75 else "Extended"
        return r.choice(
            [f"{k} child practice review", f"{k} Child Practice Review", f"{k} CPR", "Child practice review", "CPR"]
        ), "child practice review"
    if nation == "Scotland":
        if year < 2021 or (year == 2021 and r.random() < 0.5):
            return r.choice(P("Significant case review|SCR|Significant Case Review")), "significant case review"
        return r.choice(P("Learning review|Learning Review|Child protection learning review")), "learning review"
    return r.choice(P("Case management review|CMR|Case Management Review")), "case management review"


def title_for(r, kind, fem, group_n):
    def L():
        return r.choice(LETTERS)

    if group_n:
        ls = sorted(r.sample(LETTERS, group_n))
        if group_n == 2 and r.random() < 0.5:
            return r.choice([f"Siblings {ls[0]} and {ls[1]}", f"Child {ls[0]} and Child {ls[1]}"])
        if group_n == 3 and r.random() < 0.5:
            return f"Children {ls[0]}, {ls[1]} and {ls[2]}"
        return r.choice([f"Family {L()}", f"The {L()} children", f"Sibling group {L()}", f"Family {L()}{L()}"])
    x = r.random()
    if x < 0.07 and kind in ("child", "teen"):
        return r.choice(NAMES_F if fem else NAMES_M)
    if x < 0.2:
        return f"Child {L()}{L()}"
    opts = {
        "baby": ["Baby {}", "Child {}", "Baby {}"],
        "child": ["Child {}"],
        "teen": ["Child {}", "Young person {}", "Young Person {}", "YP {}"],
        "adult": ["Adult {}", "Young adult {}"],
    }[kind]
    t = r.choice(opts).format(L())
    return "Baby T" if t == "Baby P" else t


def age_desc(r, unit, n, kind, fem, group_n, ages):
    boy = "girl" if fem else "boy"
    if group_n:
        a, b = sorted(r.sample(range(max(ages[0][1], 0), ages[0][2] + 2), 2))
        return r.choice(
            [
                f"{NUMW[group_n]} siblings aged between {a} and {b}",
                f"{NUMW[group_n]} children aged {a} to {b}",
                f"a sibling group of {NUMW[group_n]} children",
            ]
        )
    if unit == "day":
        return r.choice(["a newborn baby", f"a baby aged {n} days", f"a {n}-day-old baby {boy}"])
    if unit in ("week", "month"):
        return f"a {n}-{unit}-old " + r.choice(["baby", f"baby {boy}", boy])
    if n == 0:
        return f"a baby {boy}"
    if kind == "teen" and r.random() < 0.3:
        return (
            f"a {n}-year-old young {'woman' if fem else 'man'}"
            if n >= 16 and r.random() < 0.5
            else f"a young person aged {n}"
        )
    if kind == "adult":
        return r.choice([f"a {n}-year-old care leaver", f"a young {'woman' if fem else 'man'} aged {n}"])
    return f"a {NUMW[n] if n <= 10 and r.random() < 0.4 else n}-year-old {boy}"


def fix(s):
    s = re.sub(r"\b([Aa]) (?=(?:8|11|18)\b|eight\b|eleven\b)", r"\1n ", s)
    s = re.sub(
        r"\b([Tt]hey|[Tt]he children|[Tt]he siblings) (was|has|is)\b",
        lambda m: m.group(1) + {"was": " were", "has": " have", "is": " are"}[m.group(2)],
        s,
    )
    return s[0].upper() + s[1:]


def record(r, i, areas):
    wc = lambda s: len(s.split())  # noqa: E731
    nation = r.choices(list(AREA_COUNTS), weights=[82, 7, 7, 4])[0]
    year = r.choices(list(YEARS), weights=list(YEARS.values()))[0]
    area, slug, _w = (
        ("Anonymous", None, 0)
        if r.random() < 0.015
        else r.choices(areas[nation], weights=[a[2] for a in areas[nation]])[0]
    )
    sw = {k: v["w"] * (0.35 if k in ("cce", "online") and year < 2015 else 1) for k, v in SCEN.items()}
    sc = SCEN[r.choices(list(sw), weights=list(sw.values()))[0]]
    fem = r.random() < sc["fem"]
    group_n = r.choice([2, 2, 3, 3, 4, 5]) if sc.get("group") and r.random() < 0.3 else 0
    unit, lo, hi = r.choice(sc["ages"])
    n = r.randint(lo, hi)
    kind = "baby" if sc["kind"] == "child" and n <= 1 else sc["kind"]
    rtype, rt = review_type(r, nation, year)
    title = title_for(r, "child" if sc["kind"] == "baby" and unit == "year" else sc["kind"], fem, group_n)
    tname = title[0].lower() + title[1:] if title.startswith("The ") else title
    pron, obj, poss, refl = (
        ("they", "them", "their", "themselves")
        if group_n
        else ("she", "her", "her", "herself")
        if fem
        else ("he", "him", "his", "himself")
    )
    csc = CSC[nation]
    ags = [a.replace("{csc}", csc) for a in sc["ag"]]
    board = r.choice(BOARDS["England" if year >= 2019 else "LSCB"] if nation == "England" else BOARDS[nation])
    ctx = {
        "name": r.choice(["the children", "the siblings"]) if group_n else title,
        "pron": pron,
        "obj": obj,
        "poss": poss,
        "refl": refl,
        "csc": csc,
        "body": r.choice(BODY),
        "man": r.choice(MEN),
        "hist": r.choice(HIST),
        "child": CHILD["group" if group_n else kind],
        "role": r.choice(ROLES[kind]),
        "board": board,
        "board_l": board[0].lower() + board[1:]
        if (nation == "England" and year < 2019) or nation != "England"
        else "the partnership",
        "rt": rt,
        "n": r.randint(3, 12),
    }
    ctx["ag1"], ctx["ag2"] = r.sample(ags, 2)

    def f(t):
        return fix(t.format(**ctx))

    # learning: three topics from the scenario, a fourth from the scenario or the cross-cutting ones
    topics = r.sample(sc["topics"], 3)
    spare = [t for t in (GENERIC if r.random() < 0.6 else sc["topics"]) if t not in topics] or [
        t for t in GENERIC if t not in topics
    ]
    topics.append(r.choice(spare))
    learning, heads = [], []
    for t in topics:
        hl, _kw, temps = LEARN[t]
        temps = [x for x in temps if not x.startswith("[C]") or year >= 2021]
        for _ in range(40):
            s = f(r.choice(temps).removeprefix("[C]"))
            if wc(s) < 25 or r.random() < 0.35:
                s += " " + f(r.choice(FOLLOW))
            head = r.choice(hl)
            s = f"{head}: {s}" if r.random() < 0.3 else s
            if 25 <= wc(s) <= 60:
                break
        learning.append(s)
        heads.append(head if head.isupper() else head[0].lower() + head[1:])
    # summary: opener, background, agencies, focus always; further sentences until the target length
    out = r.choice(sc["gout"] if group_n else sc["out"]).format(**ctx)
    durational = re.search(r"years|long|prolonged|chronic|lived with|repeatedly|over a|for two", out)
    when = (
        f" in {r.choice(MONTHS)} {max(2004, year - r.choice([1, 1, 2, 2, 3]))}"
        if r.random() < 0.45 and not durational
        else ""
    )
    opener = r.choice([o for o in OPEN if not (group_n and "was {age}" in o)]).format(
        **{
            **ctx,
            "name": tname,
            "age": age_desc(r, unit, n, kind, fem, group_n, sc["ages"]),
            "out": out,
            "when": when,
            "rt": r.choice([rt, "review"]),
        }
    )
    bgs = [*r.sample(sc["bg"], 2), r.choice(GBG)]
    fp = r.sample(sc["focus"], 2) + r.sample(GFOCUS, 2)
    r.shuffle(fp)
    focus = r.choice(FOCUS).format(f1=fp[0], f2=fp[1], f3=fp[2])
    agl = r.sample(ags, r.randint(3, min(5, len(ags))))
    agt = r.choice(AGS).replace("{ags}", ", ".join(agl[:-1]) + " and " + agl[-1])
    mkey = (
        nation
        if nation != "England"
        else "old"
        if year < 2012
        else "new"
        if year >= 2019
        else r.choice(["scie", "scie", "old"])
    )
    method = r.choice(METHOD[mkey] + [m for m in METHOD["any"] if kind == "baby" or "pregnancy" not in m])
    concl = r.choice(CONCL).replace("{h1}", heads[0]).replace("{h2}", heads[1]).replace("{h3}", heads[2])
    items = [
        (k, f(t), opt)
        for k, (t, opt) in enumerate(
            [(opener, 0), (bgs[0], 0), (bgs[1], 1), (bgs[2], 1), (agt, 0), (focus, 0), (method, 1), (concl, 1)]
        )
    ]
    chosen, opts = [it for it in items if not it[2]], [it for it in items if it[2]]
    r.shuffle(opts)
    target = max(62, min(106, int(r.gauss(72, 12))))
    while opts and sum(wc(c[1]) for c in chosen) < target:
        chosen.append(opts.pop())
    while sum(wc(c[1]) for c in chosen) > 110 and any(c[2] for c in chosen):
        chosen.remove(next(c for c in reversed(chosen) if c[2]))
    summary = " ".join(c[1] for c in sorted(chosen))
    # keywords: one or two for the scenario (if they fit this outcome), the rest from the learning topics
    concepts = r.sample(
        [c for c in sc["kw"] if not any(c == k and not any(w in out for w in ws) for k, ws in KW_NEEDS.items())],
        r.choice([1, 2, 2]),
    )
    extra = [k for t in topics for k in LEARN[t][1]] + (["covid"] if 2021 <= year <= 2023 and r.random() < 0.1 else [])
    r.shuffle(extra)
    for c in extra + sc["kw"] + ["maw", "info", "curiosity"]:
        if len(concepts) < 3 and c not in concepts and c not in KW_NEEDS:
            concepts.append(c)
    keywords = [
        k.capitalize() if r.random() < 0.05 and not k.isupper() else k for k in (r.choice(KW[c]) for c in concepts)
    ]
    # source url on an invented domain
    tslug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    abbr = ABBR.get(rt, "review")
    host = f"https://www.{slug}.example.org.uk" if slug else "https://www.case-reviews-archive.example.org.uk/anonymous"
    path = r.choice(
        [
            f"/reviews/{tslug}-{year}.pdf",
            f"/wp-content/uploads/{year}/{r.randint(1, 12):02d}/{title.replace(' ', '-')}-{abbr}-Final-Report.pdf",
            f"/media/{r.randint(1000, 99999)}/{tslug}-{abbr.lower()}.pdf",
            f"/documents/case-reviews/{tslug}-{year}.pdf",
            f"/learning/{abbr.lower()}/{tslug}-executive-summary.pdf",
            f"/downloads/file/{r.randint(100, 9999)}/{tslug}-{abbr.lower()}",
        ]
    )
    return {
        "id": f"cat-{i:06d}",
        "title": title,
        "area": area,
        "nation": nation,
        "year": year,
        "review_type": rtype,
        "summary": summary,
        "learning": learning,
        "keywords": keywords,
        "source_url": host + path,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--records", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    r, areas = random.Random(a.seed), make_areas()
    with open(a.out, "w", encoding="utf-8") as fh:
        for i in range(1, a.records + 1):
            fh.write(json.dumps(record(r, i, areas), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
