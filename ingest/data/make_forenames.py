"""Writes forenames.txt: forenames from many languages that are not English words, for the anonymisation check.

The spaCy model finds common English forenames well and uncommon ones badly ("Saoirse" is a place to it, "Zayan"
nothing), so the check also looks names up in this list. It holds the forenames of Faker's person providers for the
languages of the UK's communities, the forenames of the UK's own other languages, which Faker has no provider for
(CELTIC: Welsh, Scottish Gaelic, Irish, Cornish and Manx forenames, written out by hand from general knowledge of
them), and those of the communities Faker covers badly or only in other scripts (community_forenames.txt: Somali,
Eritrean, Arabic, Kurdish, Persian, Afghan, South Asian, West and Southern African, Caribbean, Chinese, Vietnamese,
Filipino, Thai, Balkan and Eastern European, Turkish, Greek, Gypsy, Roma and Traveller and coined British names,
written by a helper from general knowledge, blind to the tests), less every word of Debian's British English word list
in each case: a name that is also a word or a place ("Hope", "Frank", "Devon", "Graham") is left to the model and the
other rules.

The names left out because the word list holds them go to word_forenames.txt ("Destiny", "Harmony", "Dinah",
"Penny"): the check takes one of them as a name only where the words around it say a person is meant ("Harmony told
her teacher", "Onyx and Coral were collected").

It also writes english_words.txt, the lower-case words of that word list: a word the model reads as a name at the
start of a table cell or a line ("Revised after the practitioner event", "Referred to children's services") is an
ordinary word when the list holds it and no forename list does.

Run by hand when the sources change (not at run time):

    pip install faker==40.63.0 && apt-get install wbritish
    .venv/bin/python ingest/data/make_forenames.py
"""

import importlib
import re
from pathlib import Path

LOCALES = [
    "en",
    "en_GB",
    "en_IE",
    "en_IN",
    "en_KE",
    "en_NG",
    "en_NZ",
    "en_PK",
    "en_US",
    "ga_IE",
    "yo_NG",
    "ig_NG",
    "ha_NG",
    "tw_GH",
    "zu_ZA",
    "sw",
    "pl_PL",
    "lt_LT",
    "lv_LV",
    "ro_RO",
    "cs_CZ",
    "sk_SK",
    "hu_HU",
    "pt_BR",
    "pt_PT",
    "es",
    "es_ES",
    "it_IT",
    "fr_FR",
    "de_DE",
    "nl_NL",
    "tr_TR",
    "et_EE",
    "hr_HR",
    "sl_SI",
    "sv_SE",
    "da_DK",
    "no_NO",
    "fi_FI",
    "id_ID",
]
CELTIC = """
Aelwen Aeron Alaw Alun Aneira Aneirin Angharad Anwen Arianwen Arwel Berwyn Bethan Betsan Bleddyn Bronwen Bryn Brynmor
Cadi Cadog Caradog Carys Catrin Cefin Celyn Ceri Cerian Cerys Dafydd Deiniol Delyth Dewi Dilwyn Dwynwen Dyfan Dyfed
Dyfrig Efa Eifion Eira Eirian Eirlys Eirwen Elen Eleri Elfed Elin Elliw Elwyn Emlyn Emrys Emyr Enfys Eurig Ffion
Fflur Gareth Geraint Gethin Glesni Glyn Goronwy Gruffudd Gruffydd Guto Gwenan Gwenllian Gwennan Gwerfyl Gwion Gwladys
Gwyneth Gwynfor Hafwen Hedd Heddwyn Heledd Hywel Idris Idwal Iestyn Ieuan Ifan Ifor Iolo Iwan Lleucu Llinos Llion
Llyr Llywelyn Mabli Mabon Madog Mair Mali Manon Mared Medi Meilyr Meinir Meirion Menna Meredydd Morfudd Myfanwy Nerys
Nest Nia Olwen Osian Owain Peredur Rhian Rhiannon Rhodri Rhun Rhydian Rhydderch Rhys Seren Sioned Siwan Steffan
Talfryn Tegan Tegwen Teleri Tomos Trefor Tudur Tudwal Wyn Ynyr
Ailean Ailig Ailsa Alasdair Alastair Anndra Aonghas Beathag Beitidh Brìghde Calum Caluim Catrìona Ciorstaidh Coinneach
Dòmhnall Dùghall Eachann Eilidh Eòghann Fearchar Fionnlagh Fionnghal Iain Iseabail Lachlann Mairead Màiri Mòrag
Murchadh Peigi Raghnall Ruairidh Seathan Seonag Seonaid Seumas Sìle Sìne Sorcha Tormod Uilleam
Aifric Ailbhe Aisling Aoibheann Aoibhinn Aoife Bláthnaid Brídín Caoimhe Caoimhín Cathal Cian Ciara Ciarán Clodagh
Colm Conall Cormac Daithí Dáire Deirbhile Dearbhla Donnacha Éabha Eimear Eithne Eoghan Fiachra Fionn Fionnuala
Gráinne Laoise Líadan Lorcan Máire Mairéad Muireann Niamh Oisín Orlaith Pádraig Pádraigín Peadar Róisín Ruairí
Saoirse Seán Séamus Síofra Sorcha Tadhg Tiarnach Tiarnagh Tomás Úna
Bersaba Demelza Derwa Elowen Endelyn Gorran Jago Jenifer Kerensa Lowena Lowenna Merryn Morwenna Tamsin Tegen Tressa
Breesha Illiam Juan Moirrey Orry Voirrey
"""
ATTRIBUTES = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
WORDS = Path("/usr/share/dict/british-english")
NAME_RE = re.compile(r"[^\W\d_][^\W\d_'-]*(?:-[^\W\d_][^\W\d_'-]*)?")


def all_forenames():
    names = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in ATTRIBUTES:
            names.update(getattr(provider, attribute, None) or ())
    names.update(CELTIC.split())
    community = Path(__file__).with_name("community_forenames.txt").read_text(encoding="utf-8")
    names.update(word for line in community.splitlines() if not line.startswith("#") for word in line.split())
    return {name for name in names if NAME_RE.fullmatch(name) and name[0].isupper() and len(name) > 2}


def listed_words():
    return {line.strip().lower() for line in WORDS.read_text(encoding="utf-8").splitlines()}


def forenames():
    words = listed_words()
    return sorted(name for name in all_forenames() if name.lower() not in words)


def word_forenames():
    """The forenames that the word list holds, as a word or a proper noun ("Hope", "Dinah")."""
    words = listed_words()
    return sorted(name for name in all_forenames() if name.lower() in words)


def english_words():
    """The lower-case words of Debian's British English word list (no proper nouns, no possessives)."""
    lines = WORDS.read_text(encoding="utf-8").splitlines()
    return sorted({line for line in lines if re.fullmatch(r"[a-z]+(?:-[a-z]+)?", line) and len(line) > 2})


if __name__ == "__main__":
    for name, entries in (
        ("forenames.txt", forenames()),
        ("word_forenames.txt", word_forenames()),
        ("english_words.txt", english_words()),
    ):
        target = Path(__file__).with_name(name)
        target.write_text("\n".join(entries) + "\n", encoding="utf-8")
        print(f"{len(entries)} entries written to {target}")
