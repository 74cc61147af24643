"""From an annotated ``Doc`` to an :class:`~graph.model.Extraction`: entities with
aliases, roles and countries, and meetings with participants, place, date, status,
mode, topics and excluded topics.

>>> import datetime as dt
>>> from graph.extract.extractor import Extractor
>>> from graph.model import Article
>>> ex = Extractor().extract(Article("a", "Russian Foreign Minister Sergey Lavrov met "
...     "U.S. Secretary of State Marco Rubio in Riyadh on Tuesday. Ukraine was not discussed.",
...     published=dt.date(2025, 2, 20)))
>>> m = ex.meetings[0]
>>> sorted(ex.entity(p).name for p in m.participants), ex.entity(m.location).name, m.date
(['Marco Rubio', 'Russia', 'Sergey Lavrov', 'United States'], 'Riyadh', '2025-02-18')
>>> m.excluded_topics, m.topics
(('Ukraine',), ())
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from graph.extract import gazetteer
from graph.extract.components import doc_text, paternal_surname, span_text
from graph.extract.dates import MONTH_NAMES, day_of_week, is_future, month_number, resolve
from graph.extract.people_table import holder, known_people
from graph.model import Article, Entity, Evidence, Extraction, Meeting

__all__ = ["assemble"]

_ORDINALS = {
    "first": "1",
    "initial": "1",
    "inaugural": "1",
    "second": "2",
    "third": "3",
    "fourth": "4",
    "fifth": "5",
    "sixth": "6",
    "seventh": "7",
    "eighth": "8",
    "ninth": "9",
    "tenth": "10",
    "1st": "1",
    "2nd": "2",
    "3rd": "3",
    "4th": "4",
}
_OBJECT_STOPS = frozenset(
    """to that which who whom where when after before but while amid as because said says told
    although though whereas since until despite if unless so than during""".split()
)
_CONTEXT_TOPIC = re.compile(
    r"\b(?:discussed|discussing|focused on|focussed on|agenda|exchanged\W+(?:views|opinions)"
    r"|centred on|centered on|reviewed|touched on"
    r"|(?:intended|aimed|meant|designed)(?: \w+)? (?:to|at)"
    r"|expressed (?:its |their |his |her )?concern (?:about|over)"
    r"|raised (?:the issue of|concerns? (?:about|over))"
    r"|talked about|spoke about|conferred on|consulted on)\b"
)
_CONTEXT_SUBJECT = re.compile(
    r"\b(?:the (?:two )?(?:leaders|sides|ministers|officials|delegations|presidents|men"
    r"|parties|envoys|countries|governments)|they|both|he|she|the talks|the meeting"
    r"|the discussions|during (?:the|his|her|\w+(?:'s|’s)) (?:visit|trip|stay|talks)"
    r"|^the (?:vice )?president|^the prime minister|^the chancellor|^the secretary"
    r"|these (?:talks|discussions|conversations)"
    r"|the call|the conversation|the visit|the summit)\b"
)
#: a clause a few words before its meeting word whose "he" is the speaker: "as he wrapped up"
_PRONOUN_CLAUSE = frozenset({"as", "while", "when"})
#: words that open a fronted clause whose people are not the sentence's subject
_FRONTED_CLAUSE = frozenset(
    "after before while when following despite although though as since during".split()
)
#: lower-case words of a title before a name: "Pentagon spokesman Rear Adm. John Kirby"
_TITLE_WORDS = frozenset("spokesman spokeswoman spokesperson minister envoy adviser".split())
#: verbs whose "that" clause is what one side put to the other: "warned Lavrov that ..."
_THAT_VERBS = frozenset(
    """warned warns told tells assured assures agreed agree stressed underscored emphasized
    emphasised reiterated""".split()
)
#: purposes of a call after "called him to ...": "to discuss the matter"
_CALL_PURPOSE = frozenset(
    "discuss congratulate express offer talk ask thank convey condole urge seek".split()
)
#: capitals where talks are often between others than their government
_NEUTRAL_CAPITALS = frozenset("Vienna Brussels Doha Muscat Oslo Stockholm Helsinki".split())
#: words of no subject in a repeated pair: "told reporters", "last week", "prime minister"
_SALIENT_STOP = frozenset(
    """that this with from have were been will would could should said says told also
    about after before their there they them more most other such than then some which
    what when where while into over under last next week weeks month months year years
    today time people official officials government minister ministers president prime
    foreign secretary state news reporters spokesman spokeswoman statement country
    countries talks meeting meetings visit summit during because against between first
    second third added according being does just very only even much many made make
    both sides take place here current status billion million dlrs euros dollars percent
    agency quoted members team brother sister wife husband centre center stalls
    participants discussed discuss discussing""".split()
)
#: what a person is to the one named before "'s": "Obama's predecessor, George W. Bush"
_KIN_NOUNS = frozenset(
    """predecessor successor wife husband son daughter father mother brother sister
    widow spouse nephew niece cousin uncle aunt aide spokesman spokeswoman
    spokesperson deputy rival challenger""".split()
)
#: what "phone" names when it is no call: "mass phone surveillance", "phone records"
_PHONE_THINGS = frozenset(
    """surveillance interceptions intercepts interception tapping taps records data
    hacking lines numbers number companies company network networks bill bills
    service services metadata logs""".split()
)
#: what "met" takes that is no one: "met the deadline", "met criticism", "met with fierce
#: opposition" (the word right after "met", or the one after that)
_MET_THINGS = frozenset(
    """criticism resistance opposition protests skepticism scepticism demands deadline needs
    requirements criteria expectations standards target targets goals obligations conditions
    fate death approval condemnation disapproval success anger outrage""".split()
)
_MET_THINGS_SECOND = frozenset(
    """criticism resistance opposition deadline demands requirements target needs
    condemnation""".split()
)
#: the verbs those apply to
_MEET_VERBS = frozenset(("met", "meet", "meets", "meeting", "met with", "meet with"))
#: what words, plans or people "meet" when nobody meets: "met a cool reception"
_REACTIONS = frozenset(
    """reception response welcome resistance opposition criticism skepticism scepticism
    silence derision scorn hostility indifference applause approval condemnation protests
    setback setbacks obstacles challenges difficulties""".split()
)
#: words before "host" that make it a job, not a verb: "a talk show host"
_HOST_NOUN_BEFORE = frozenset(
    "a an the his her its their show radio tv television talk co program programme news".split()
)
#: what a country "received" that is no visitor: "received no communication regarding"
_RECEIVED_THINGS = frozenset(
    """the a an no any news reports support funding aid word letter letters communication
    messages threats complaints criticism praise requests request assurances backing money
    help assistance training weapons arms votes""".split()
)
#: fewer words than this: a headline, a menu item or other page furniture, not the story
_STORY_SENT = 8
#: acronyms of news agencies, outlets and titles: sources of a story, not its subject
_SOURCE_ACRONYMS = frozenset(
    """CNN VOA BBC AFP UPI DPA PAP TASS ANSA NHK PTI IRNA SANA WAFA KCNA RIA MENA APS CEO
    CFO GMT EST EDT PST NBC CBS ABC FOX MSNBC NPR PBS""".split()
)
#: nouns a place's name follows after "of" or a comma: "the capital, Addis Ababa"
_PLACE_NOUNS = frozenset(
    "city town capital port resort village republic kingdom emirate island nation".split()
)
#: words that make "stop in X" a leg of someone's trip
_LEG_OWNERS = frozenset("his her their 's ’s first second third fourth final last next".split())
#: what "next" names when a time is still ahead ("next week", "next Tuesday")
_AHEAD_UNITS = frozenset(
    "week weekend month year monday tuesday wednesday thursday friday saturday sunday".split()
)
#: present-tense verbs of setting off: with "tonight" or "tomorrow" the trip is ahead
_PRESENT_MOTION = frozenset("travels leaves heads flies arrives goes".split())
#: verbs in the present that put a meeting after them ("hosts a summit in December")
_PRESENT_VERBS = _PRESENT_MOTION | frozenset("hosts holds meets visits".split())
#: verbs of pressing a side to act: "urged Syria to ...", "will ask China to ...": the act
#: is the subject raised
_PRESS_VERBS = frozenset("urged urges pressed presses encouraged pushed ask asks asked".split())
#: a clause whose subject is a pair just named: "The two leaders also said ..."
_TWO_OF_THEM = re.compile(r"(?:the two (?:leaders|men|women|presidents|ministers)|both leaders)\b")
#: "they" alone as the subject of the meeting words: "They last met in Washington"
_THEY_SUBJECT = re.compile(r"they(?: (?:last|first|also|later|then|previously|have|had|\w+ly))*\s*")
#: a sentence whose subject is the sides of a meeting just reported
_PRONOUN_SIDES = re.compile(r"(?:they|both|the (?:two )?(?:leaders|sides|presidents|ministers))\b")
#: what the sides agreed, stressed or committed to, said of them after the meeting
#: outcome verbs that restate a view rather than set up something still to come
_RESTATED_VERBS = r"reaffirmed|reiterated|underscored|emphasi[sz]ed|stressed|highlighted|noted"
_RESTATED = re.compile(rf"\b(?:{_RESTATED_VERBS})\b")
_CONTEXT_OUTCOME = re.compile(
    rf"\b(?:{_RESTATED_VERBS}|agreed|committed|pledged|affirmed|welcomed|expressed|conveyed|briefed"
    r"|updated|shared|signed|unveiled|launched|announced|sign|raised)\b"
)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_WEAK_OPENERS = frozenset({"on", "over", "about", "regarding", "concerning", "including", "such"})
_NOT_TOPIC_AFTER_ON = frozenset(
    {
        "sidelines",
        "behalf",
        "condition",
        "phone",
        "telephone",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "arrival",
        "its",
        "his",
        "her",
        "visit",
        "visits",
        "trip",
        "trips",
        "tour",
        "tours",
        "occasion",
        "occasions",
        "leg",
        "journey",
        "flight",
        "way",
        "margins",
        "board",
        "record",
        "hand",
        "site",
        "twitter",
        "x",
        "television",
        "tv",
        "state",
        "average",
        "top",
        "time",
        "weekend",
        "week",
        "month",
        "year",
        "years",
        "day",
        "days",
        "past",
        "morning",
        "evening",
        "night",
        "instagram",
        "facebook",
        "website",
        "account",
    }
)
#: verbs of a readout that restate a stance: their object is a subject of the talks
_RESTATED_OPENERS = frozenset(
    "underscored underscores emphasized emphasised highlighted welcomed relayed condemned".split()
)
#: words between such a verb and a noun opener: "the", "his unwavering", "our strong"
_OPENER_MODIFIERS = frozenset(
    """the a an his her their its our both continued strong full unwavering ironclad
    steadfast enduring deep firm shared""".split()
)
#: verbs after "and" that start the next statement of a readout, not more of a topic
_NEXT_VERBS = frozenset(
    """reiterated noted reaffirmed welcomed stressed underscored emphasized highlighted
    pledged agreed discussed committed expressed condemned added thanked praised""".split()
)
_TOPIC_STOPS = frozenset(
    """said says told according while but which who whom whose when after before during because
    amid officials since until without although though despite whereas ahead following that had
    has have
    was were is are will would could should can might must
    begin begins began opens opened starts started ended resumed""".split()
)
#: "on"/"over"/"about"/"including" open a topic only a few words after one of these
#: ("talks on trade", "agreement over fishing"), not "a stop on a 10-day trip"
_TOPIC_ANCHORS = frozenset(
    """talks talk talked meeting meetings met meet meets discussion discussions discussed
    conversation conversations call calls consultations consulted negotiations dialogue
    agreement agreements agreed deal accord views opinions exchange spoke briefed updated
    concern concerns cooperation cooperate progress memorandum summit session focus focused
    conference topics agenda issues matters questions concentrating concentrated focusing
    centred centered working work message letter briefing congratulated congratulate
    congratulating thanked thank thanking""".split()
)
#: openers that are the head of the topic itself ("discussed support for Ukraine")
_NOUN_OPENERS = frozenset(
    """support commitment cooperation deal agreement accord memorandum importance progress
    coordination concern views opinions talks talk""".split()
)
_CLAUSE_WORDS = frozenset(
    """since because which that who whom after before when while where said says told""".split()
)
#: "addressed the crowd": a speech, not a subject
_AUDIENCES = frozenset(
    """crowd crowds nation reporters journalists rally parliament assembly conference audience
    students supporters troops lawmakers congress session meeting gathering summit forum media
    press letter people graduates""".split()
)
#: "with Mr McCain", "with the press": the partner, not part of the subject
_PARTNER_WORDS = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. president prime minister secretary reporters journalists
    press""".split()
)
#: a topic whose head is one of these names an encounter ("second summit"), not a subject
_ENCOUNTER_HEADS = frozenset(
    """summit summits talks meeting meetings visit visits trip call calls conference
    negotiations""".split()
)
_VAGUE_TOPICS = frozenset(
    """table idea situation matter things process resolution stronger better more
    further progress""".split()
    + ["current situation"]
)
#: words where an overlong topic may be cut ("defense partnership | between the ...")
_TOPIC_CUTS = frozenset(
    """between to from with in at for by under over and while amid toward towards following
    after before since""".split()
)
_SUMMIT_NOUNS = frozenset(
    {"summit", "meeting", "meetings", "conference", "forum", "assembly", "session", "gathering"}
)
# a lawmaker's party and state after the name: "Chuck Schumer, D-New York, and ..."
_PARTY_TAG = re.compile(r"[DRI]-[A-Z][\w.]*(?: [A-Z][\w.]*)?,")
# a proposal whose "that" clause holds the meeting: "proposed in a letter to his
# counterpart that they meet", "suggested to the envoy that the two leaders should meet"
_PROPOSED_THAT = re.compile(
    r"\b(?:propos|suggest|urg|recommend|insist|demand)(?:ed|es|e|s|ing)?\b[^.;:]*\bthat\b"
)
#: the meeting verb of a proposal's "that" clause: "that they meet", "that he visit"
_BASE_MEET_VERBS = frozenset("meet meets visit visits hold holds talk confer".split())
_CHAT_TRIGGERS = frozenset(
    {"sat down with", "spoke with", "spoke to", "talked with", "talked to", "speaks with"}
)
def _same_given_name(a: str, b: str) -> bool:
    """Given names that may be one person's: a short form ("Joe", "Joseph"), a spelling
    ("Mohammed", "Muhammad") or an initial ("J.") begin alike; "Khalid" and "Mohammed"
    bin Salman are brothers.

    >>> [_same_given_name(*p) for p in [("Joe", "Joseph"), ("Khalid", "Mohammed"), ("J.", "Joe")]]
    [True, False, True]
    """
    return a[:1].lower() == b[:1].lower()


def _near_day(date: str, pub: dt.date, days: int = 10) -> bool:
    """A meeting date in the month of the report or within ``days`` of it.

    >>> _near_day("1996-09-02", dt.date(1996, 8, 31)), _near_day("1996-07", dt.date(1996, 8, 31))
    (True, False)
    """
    if date[:7] == pub.isoformat()[:7]:
        return True
    try:
        return abs((dt.date.fromisoformat(date) - pub).days) <= days
    except ValueError:
        return False


def _dates_agree(a: str | None, b: str | None, days: int = 0) -> bool:
    """Two meeting dates that can be one meeting's: either unknown, one inside the other,
    or (for a gathering of several days) at most ``days`` apart.

    >>> _dates_agree("2025-08", "2025-08-31"), _dates_agree("2025-08-31", "2025-09-01")
    (True, False)
    >>> _dates_agree("2025-08-31", "2025-09-01", days=3), _dates_agree("2025-08-31", "--09-01", 3)
    (True, False)
    """
    if not a or not b or a.startswith(b) or b.startswith(a):
        return True
    if days <= 0 or not b[:4].isdigit():  # "--03-04": a day with no year
        return False
    first = [int(x) for x in b.split("-")] + [1, 1]
    return _near_day(a, dt.date(first[0], first[1], first[2]), days)


def _words(trigger: Span) -> str:
    """A trigger's phrase, lower-case: "spoke today with" reads as "spoke with"."""
    return trigger.kb_id_ or trigger.text.lower()


#: titles that, with no nationality, name an official of the dateline's country
_HOME_ROLE_HEADS = frozenset("minister premier chancellor president".split())
#: verbs of a purpose infinitive before a meeting noun: "to attend the summit"
_PURPOSE_VERBS = frozenset("attend join chair open address lead take hold".split())
# a call of more than two sides at once
_GROUP_CALL = re.compile(
    r"\b(conference|joint|jointly|together|three-way|trilateral|virtual|summit|group)\b"
)
#: meeting words whose object may be an unnamed group ("met with faith leaders")
_GROUP_VERBS = frozenset(
    "met|met with|meets with|meet with|meeting with|hosted|convened|received|spoke with|speaks with"
    "|spoke to|speak with".split("|")
)
#: what a "round of" a meeting is a round of
_ROUND_OF = frozenset(
    """talks negotiations discussions consultations meetings dialogue summits summit
    contacts exchanges diplomacy visits""".split()
)
#: people met as a group, a side of their own
_GROUP_NOUNS = frozenset(
    """leaders lawmakers legislators representatives executives advocates activists elders
    governors mayors delegates""".split()
)
#: the unnamed officials of the country whose capital a visitor meets them in
_OFFICIAL_NOUNS = _GROUP_NOUNS | {"officials", "authorities", "ministers", "counterparts"}
#: meeting nouns a subject can modify: "peace talks", "a climate summit"
_MODIFIED_NOUNS = frozenset(
    "talks negotiations summit meeting meetings conference dialogue consultations".split()
)
#: words after "called X" that name X, not call X ("called Putin a war criminal")
_NAMING_WORDS = frozenset(["a", "an", "the", "his", "her", "their", "one", '"', "“", "‘", "'"])
#: a clause still to come
#: past verbs of being somewhere or going there, before a purpose "to meet"
_PAST_STAY = frozenset(
    "was were went traveled travelled flew came arrived headed returned".split()
)
#: talks asked for, not held: "stressed the need for direct talks between X and Y"
_CALL_FOR = re.compile(r"\b(?:needs? for|calls? for|called for|calling for)\b")
#: past verbs of speaking, before "at the summit"
_SAID_PAST = frozenset("said told spoke declared announced warned insisted".split())
_THERE = frozenset({"in", "at", "on", "back", "there", "here"})
_WILL = re.compile(r"\b(?:will|is to|are to|is due to|are due to|is scheduled to|plans to)\b")
#: "was the first foreign leader to visit": an infinitive of what was done, no plan
_FIRST_TO = re.compile(
    r"\b(?:was|were|became)\s+the\s+(?:first|last|only|second|third|latest)\b[\w\s-]{0,30}\bto$"
)
#: meeting words in the past tense
_PAST_MEET = frozenset(
    "met|met with|held|held talks|spoke|spoke with|spoke to|talked|visited|hosted".split("|")
)
# clause openers that put one meeting before or after another in the same sentence
_SEQUENCE = frozenset({"after", "before", "following", "since", "ahead", "prior"})
#: "X also joined the meeting": verbs by which more people enter a meeting already reported
_JOIN_WORDS = frozenset(
    "joined join joins attended attend attends participated participate sat part".split()
)
_LATER = frozenset({"later", "then", "subsequently", "afterwards", "separately", "also"})
_AT_SUMMIT = frozenset({"at", "for", "during", "attending"})
_NOT_HEAD_NOUNS = frozenset(
    """earlier later ago recently today yesterday tomorrow tonight soon shortly again next
    late early last this overnight said says told met meets
    visited where when while after before since until""".split()
)
#: words a fronted topic does not run back over: "officials said (that) trade was discussed"
_SUBJECT_TOPIC_BOUNDS = frozenset(
    """that which who when while where said says say told confirmed added noted
    believe believed but because as if although though since after before during""".split()
)
_CLAUSE_PUNCT = frozenset({",", ";", ":", "(", ")", "—", "–", '"', "“", "”"})
_PRONOUNS = frozenset("it they this that these those he she we i you".split())
_FILLER = frozenset(
    """as well also too then there here it this that these those them one ones more most other
    others such same way ways we they he she i you us our""".split()
)
#: every excluded-topic pattern contains one of these; sentences without any skip the patterns
_NEGATION_HINT = re.compile(
    r"\bnot\b|n't\b|\bno\b|\bwithout\b|\boff\b|\bavoided\b|\bexcluded\b|\black\b|\bleft out\b"
    r"|\bset aside\b|\bsteered\b|\bruled out\b",
    re.IGNORECASE,
)
_CREDIT_LINE = re.compile(
    r"contributed to this report|\b(?:reporting|writing|editing|additional reporting) by\b"
    r"|^\s*by [A-Z][a-z]+ [A-Z][a-z]+\s*$",
    re.IGNORECASE,
)
#: a long line that ends in a list of participants ("... joined. Participants included:")
_ROSTER_HEAD = re.compile(
    r"\b(?:participants|attendees)\b(?:[^.:]{0,30}:[^.:]{0,30}|\W*(?:included|were)?\W*:?)$"
)
#: title-case words after a name in a headline ("President Biden Meets With ...")
_TITLE_STOPS = frozenset(
    """Call Calls Meeting Meets Met With And Of On To In At For Readout Statement Remarks
    Visit Visits Trip Travel Talks Phone""".split()
)
#: title heads that stand for one office holder when no name follows
_BARE_HEADS = frozenset(
    """president premier king queen emir sultan chancellor minister secretary ambassador
    envoy speaker prince""".split()
)
#: present-tense meeting verbs of headlines and digests ("Saudi prince telephones PM")
_PRESENT_TRIGGERS = frozenset(
    """meets telephones phones visits hosts receives welcomes""".split()
    + ["meets with", "arrives in", "arrives for", "holds talks", "calls on", "speaks with"]
)
_BILATERAL_NOUNS = frozenset(
    """meeting meetings talks session sessions consultations discussions discussion with
    encounter summit""".split()
)
_REPORT_WORDS = frozenset(
    """that said says told revealed reported announced disclosed confirmed""".split()
)
_AUX_BETWEEN = frozenset(
    """was were is are be been being has have had will would could may might also again
    abruptly indefinitely now later then suddenly not n't since""".split()
)
_MEETING_NOUNS = frozenset(
    """meeting meetings talks summit summits visit visits conference negotiations session
    round call consultations trip""".split()
)
_REPORT_VERBS = frozenset(
    """said says told tells added stated noted explained warned insisted declared reported
    reports""".split()
)
_SPEAKER_GLUE = frozenset({"the", "'s", "’s", "spokesman", "spokeswoman", "spokesperson", "-"})
_AUDIENCE_WORDS = frozenset(
    """reporters journalists the a news conference press briefing correspondents""".split()
)
#: who is told when nobody in particular is: "told reporters that"
_AUDIENCE_NOUNS = _AUDIENCE_WORDS - {"the", "a"}
_SELF_STARTS = frozenset(
    """he she they we i his her after following during before at in when while""".split()
)
#: "said while announcing that ...": a report of what others will do, not of oneself
_REPORTING_GERUNDS = frozenset(
    "announcing saying noting adding telling briefing explaining confirming revealing".split()
)
_PARTNER_GLUE = frozenset({"between", "and", "with", "of", "the", "his", "her", "their", ","})
_PLACE_REACH = 12  # words (names aside) between the meeting words and a place that is theirs
_REGIONS = frozenset(
    """Asia Europe Africa America Americas Oceania Antarctica Arctic Caribbean Balkans
    Caucasus Gulf Sahel Scandinavia""".split()
)
#: a sentence that lists who attended a summit
_ATTENDANCE = re.compile(
    r"\b(?:attend(?:ing|ed|ees)|took part|taking part|in attendance|participants"
    r"|brought together|brings together|bringing together)\b",
    re.I,
)
#: the subject stayed away from the meeting named next
_WITHOUT_ATTENDING = re.compile(r"\bwithout (?:attending|taking part in)\b", re.I)
#: a sentence that lists who stayed away
_ABSENT = re.compile(
    r"\b(?:not|never|n't)\s+(?:\w+\s+)?(?:in attendance|attend|attending|take part|taking part)"
    r"|\b(?:stayed away|absent|boycott(?:ed|ing)?|skipped)\b",
    re.I,
)
#: words before "conference" that make it press, not a gathering of parties
_NOT_GATHERING = frozenset(
    "news press telephone phone video teleconference joint academic religious party".split()
)
#: verbs of setting off: "left Bahrain for Baghdad", "departs for Tokyo"
_DEPART_WORDS = frozenset(
    "left leave leaves leaving departed departs depart headed heads bound set sets".split()
)
_ARRIVE_WORDS = frozenset(
    "arrived arrives arriving flew flies flying travelled traveled travels headed".split()
)
_SET_OFF = _DEPART_WORDS | _ARRIVE_WORDS
_PAST_TRIP = frozenset("left departed headed arrived flew travelled traveled".split())
_TRAVEL_WORDS = frozenset(
    """visit visits visited visiting trip trips travel travels traveled travelled traveling
    travelling go goes went going gone come comes came coming fly flies flew flying
    return returns returned returning journey head heads headed heading arrive arrived
    tour toured touring mission delegation moved move way welcome take takes took taken
    welcomed welcomes welcoming received receives hosted invited""".split()
)
#: what two sides sign together
_ACCORD_NOUNS = frozenset(
    """agreement agreements memorandum memorandums memoranda deal deals accord accords treaty
    treaties pact pacts declaration communique communiqué protocol charter""".split()
)
#: verbs of words said to someone: a contact when said to a counterpart
_TOLD_VERBS = frozenset("warned told assured urged thanked".split())
#: verbs two sides do together: a meeting when the clause names both as its subject
_JOINT_VERBS = frozenset({"agreed"})
#: "spoke at the rally", "spoke to reporters", "spoke out": no talk between the sides
_NOT_AFTER_SPOKE = frozenset(
    "at to in out of up against before from during as after for".split()
)
_SAID_VERBS = _TOLD_VERBS | _JOINT_VERBS
#: verbs of speaking to a body in session: "addressed the General Assembly"
_ADDRESS_VERBS = frozenset("addressed addresses briefed briefs brief".split())
#: words of a plural subject that signs together ("the two", "the prime ministers")
_TOGETHER = frozenset(
    "two both leaders sides ministers presidents delegations governments countries".split()
)
#: verbs of holding a gathering ("Qatar held an emergency summit")
_HOLD_VERBS = frozenset(
    "held holds hold holding hosted hosts host hosting convened convenes convene convening".split()
)
#: words between a country and "host" that make the summit not one it holds
_NOT_HOSTING = frozenset(
    "'s ’s bid bids offer offered offers proposal proposed wants wanted hopes hoped seeks".split()
)
#: travel words that make a visit when a place follows ("due to leave for Nepal")
_TRAVEL_TO = frozenset(
    {
        *(f"{verb} to" for verb in "travel travels travelling traveling head heads headed".split()),
        *(f"{verb} for" for verb in "leave leaves left".split()),
        *(f"{verb} {obj} to" for verb in "take takes took".split() for obj in ("him", "her")),
        "tour of",
    }
)
#: words between the stops of an itinerary ("Brussels on Tuesday, the OSCE in Vienna")
_STOP_GLUE = frozenset({"on", "and", "the", ",", "then"})
#: verbs of a visit whose object can be the person visited
_VISIT_VERBS = frozenset("visited visiting visit visits".split())
#: nouns of a trip whose stops follow "to" or "of"
_TRIP_NOUNS = frozenset("visit visits tour trip journey".split())
#: a part of a trip named by its place: "his New Zealand leg"
_TRIP_LEGS = frozenset("leg stop stopover visit trip tour".split())
_PLACE_NAMED_NOUNS = frozenset(
    """talks meeting meetings conference negotiations summit summits round""".split()
)
#: a stand-in publication date, to tell a relative date ("on Saturday") from junk
_SOME_DAY = dt.date(2000, 1, 3)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_APPOS_WORDS = frozenset(
    {"a", "an", "the", "who", "his", "her", "their", "its", "one", "former", "then"}
)
_VENUES = (
    "White House",
    "Kremlin",
    "Elysee Palace",
    "Élysée Palace",
    "Downing Street",
    "Camp David",
    "Mar-a-Lago",
    "Oval Office",
    "Great Hall of the People",
    "Zhongnanhai",
    "Chancellery",
    "Blue House",
    "Palais des Nations",
)


@dataclass
class _Ent:
    type: str
    key: str
    name: str
    aliases: set[str] = field(default_factory=set)
    country: str | None = None  # ISO alpha-2
    role: str | None = None
    code: str | None = None
    first: int = 10**9


@dataclass
class _Meet:
    participants: list[str]  # entity keys, in order of appearance
    status: str
    mode: str | None
    kind: str
    label: str
    location: str | None
    date: str | None
    topics: list[str]
    excluded: list[str]
    evidence: list[tuple[int, int]]
    confidence: float
    sent_index: int
    ordinal: str | None = None
    sidelines: bool = False  # "on the sidelines of ...": a meeting apart from the one named
    inherited: bool = False  # parties taken from the article's main meeting
    definite: bool = True  # "the talks", "this meeting": refers back to a known meeting
    headline: bool = False  # present tense ("X telephones Y"): the news of the day
    anaphoric: bool = False  # "attended that meeting": the meeting just mentioned
    named: bool = False  # "the Tokyo summit": a meeting named by its place, not "the meeting"
    unnamed_side: bool = False  # an untitled official of the named person's country
    gathering: bool = False  # a summit of one named body or host ("the NATO summit")
    # "after meeting X", "spoke to A, and to B": apart from the other meetings of its sentence
    apart: bool = False
    day: str | None = None  # "on Saturday" in a story without a date of publication


class _Builder:
    def __init__(self, doc: Doc, article: Article) -> None:
        self.doc = doc
        self.article = article
        # each pass over a SpanGroup builds its Span objects again: build them once
        self.spans = {name: list(group) for name, group in doc.spans.items()}
        self.g = gazetteer.load()
        self._then = self._historic_states()
        self.cues = self.g.cues
        self.known = known_people()
        pub = article.published
        self._year = pub.year if pub else article.year_hint
        self.ents: dict[str, _Ent] = {}
        self.tok_ent: dict[int, str] = {}  # token index -> entity key (participant-capable)
        self.tok_place: dict[int, str] = {}
        self._person_tokens: set[int] = set()
        self._date_tokens = {k for d in self.spans["date"] for k in range(d.start, d.end)}
        self._sideline_orgs: set[str] = set()
        self._person_names = {p.text for p in self.spans["person"]}
        self._surname_words = {p[-1].text for p in self.spans["person"]}
        self._metonyms = {c.text for c in self.spans["country"] if c.label_ == "METONYM"}
        self._metonym_starts = {
            c.start: c.end for c in self.spans["country"] if c.label_ == "METONYM"
        }
        self._talk_tokens = {
            k
            for t in self.spans["trigger"]
            if t.label_ not in ("visit", "host")
            for k in range(t.start, t.end)
        }
        self._role_tokens = {k for r in self.spans["role"] for k in range(r.start, r.end)}
        self._trigger_tokens = {k for t in self.spans["trigger"] for k in range(t.start, t.end)}
        self._openers = _cue_words("topic_openers")
        self._openers_at = _cue_words_by_first("topic_openers")
        self._predicates_at = _cue_words_by_first("topic_predicates")  # "was discussed"
        self._strong_first = {w[0] for w in self._openers if w[0] not in _WEAK_OPENERS}
        self._role_starts = {r.text.split()[0] for r in self.spans["role"]}
        self._excluded_rx = _excluded_patterns()
        self.sents = _sentences(doc)
        # the lead: the first two sentences of the body (after a headline line, if any)
        self._lead_end = 2 if not self.sents or self.sents[0].text.strip()[-1:] in '.!?"”' else 3
        self.tok_sent = [0] * len(doc)
        for si, s in enumerate(self.sents):
            self.tok_sent[s.start : s.end] = [si] * (s.end - s.start)
        self.home_city: str | None = None  # "P:<code>" of a dateline city
        self._home_capital: int | None = None  # token of a dateline capital ("PEKING")
        self.home = self._dateline_country()
        self._surname_keys: dict[str, str] | None = None
        self._word_counts: list[int] | None = None  # running count for _words_between
        #: the day named for the meeting last dated when there is no date of publication
        self._undated_day: str | None = None

    def _historic_states(self) -> dict[str, str]:
        """In a story of the Soviet Union (of Yugoslavia, ...) that does not name Russia
        (Serbia, ...), Moscow, the Kremlin and Russian officials are Soviet: the map from
        today's country to the state the story speaks of, applied to its country spans."""
        named = {c.kb_id_ for c in self.spans["country"]}
        then = {
            now: old
            for old, now in self.g.successors.items()
            if old in named and not any(
                c.kb_id_ == now and c.label_ == "COUNTRY" for c in self.spans["country"]
            )
        }
        for c in self.spans["country"]:
            if c.kb_id_ in then:
                c.kb_id_ = then[c.kb_id_]
        return then

    def _dateline_country(self) -> str | None:
        """The country of a dateline ("AMMAN 1996-08-25 -", "Beijing (CNN) --"): where
        the story was filed, whose officials an unnamed "the King" most likely is."""
        doc = self.doc
        head = doc[: min(len(doc), 14)]
        mark = next((t.i for t in head if t.text in ("(", "-", "--", "—", "–") and t.i > 0), None)
        if mark is None:
            return None
        first = 0
        # the place line may follow a byline ("Sayed Salahuddin\nKABUL 1996-08-28 -")
        for t in head:
            if t.i < mark and "\n" in t.text + t.whitespace_:
                first = t.i + 1
        places: list[tuple[int, str]] = [
            (c.start, str(c.kb_id_))
            for c in self.spans["country"]
            if first <= c.start < mark and c.kb_id_
        ]
        for c in self.spans["city"]:
            if first <= c.start < mark and c.kb_id_.startswith("~"):  # "SAN JOSE, Costa Rica"
                places.append((c.start, c.kb_id_[1:].partition(":")[0]))
            elif first <= c.start < mark:
                city = self.g.cities.get(c.text) or self.g.cities.get(c.text.title())
                if city and city.country:
                    places.append((c.start, city.country))
        cities = [
            c
            for c in self.spans["city"]
            if first <= c.start < mark and c.start not in self._date_tokens
        ]
        self.home_city = f"P:{min(cities, key=lambda c: c.start).kb_id_}" if cities else None
        capitals = [c.start for c in self.spans["country"] if first <= c.start < mark]
        self._home_capital = min(capitals) if capitals else None
        home = min(places)[1] if places else None
        return self._then.get(home, home) if home else None

    # ------------------------------------------------------------------ entities
    def _add(
        self, key: str, type_: str, name: str, alias: str, start: int, **kw: str | None
    ) -> _Ent:
        ent = self.ents.get(key)
        if ent is None:
            ent = self.ents[key] = _Ent(type_, key, name, first=start)
        ent.aliases.add(alias)
        if kw.get("country") in self._then:  # Moscow in a Soviet story: the Soviet Union
            kw["country"] = self._then[str(kw["country"])]
        for k, v in kw.items():
            if v and not getattr(ent, k):
                setattr(ent, k, v)
        ent.first = min(ent.first, start)
        return ent

    def country_ent(self, code: str, alias: str, start: int) -> _Ent:
        c = self.g.countries[code]
        return self._add(f"C:{code}", "Country", c.name, alias, start, code=code)

    def city_ent(self, city: gazetteer.City, alias: str, start: int) -> _Ent:
        """A gazetteer city as a Place entity, keyed by its geonames id."""
        key, code = f"P:{city.code}", city.code
        return self._add(key, "Place", city.name, alias, start, country=city.country, code=code)

    def build_entities(self) -> None:
        for span in self.spans["country"]:
            code = span.kb_id_
            if span.label_ == "METONYM":
                continue
            self.country_ent(
                code,
                span.text if span.label_ == "COUNTRY" else self.g.countries[code].name,
                span.start,
            )
            for k in range(span.start, span.end):
                self.tok_ent[k] = f"C:{code}"
        for span in self.spans["org"]:
            o = self.g.orgs.get(span.kb_id_) if span.kb_id_ else None
            if o is not None:
                ent = self._add(
                    f"O:{o.key}",
                    "Organization",
                    o.name,
                    span.text,
                    span.start,
                    country=o.country,
                    code=o.key,
                )
                ent.aliases.update(o.aliases)
            else:
                text = re.sub(r"^(?:the|The)\s+", "", span.text)
                ent = self._add(f"O:{text.lower()}", "Organization", text, text, span.start)
                self._org_country(ent, span)
            for k in range(span.start, span.end):
                self.tok_ent[k] = ent.key
        self._build_people()
        for span in self.spans["city"]:
            if any(
                k in self.tok_ent or k in self._person_tokens for k in range(span.start, span.end)
            ):
                continue
            city_code = span.kb_id_
            if city_code.startswith("~"):  # "in Apulia, Italy": a place known by its country
                code, _, name = city_code[1:].partition(":")
                ent = self._add(f"P:{city_code}", "Place", name, name, span.start, country=code)
                if code in self.g.countries:
                    ent.aliases.add(f"{name}, {self.g.countries[code].name}")
                for k in range(span.start, span.end):
                    self.tok_place[k] = ent.key
                continue
            city = self.g.cities.get(span.text) or self.g.cities.get(span.text.title())
            name = city.name if city else span.text.title()
            self._add(
                f"P:{city_code}",
                "Place",
                name,
                span.text if not span.text.isupper() else name,
                span.start,
                country=city.country if city else None,
                code=city_code,
            )
            for k in range(span.start, span.end):
                self.tok_place[k] = f"P:{city_code}"

    def _org_country(self, ent: _Ent, span: Span) -> None:
        for c in self.spans["country"]:
            if span.start <= c.start < span.end or c.end == span.start:
                ent.country = ent.country or c.kb_id_
                return

    def _build_people(self) -> None:
        # bylines and credits ("X and Y contributed to this report") are not the story
        credits = {si for si, s in enumerate(self.sents) if _CREDIT_LINE.search(span_text(s))}
        persons = [p for p in self.spans["person"] if self.tok_sent[p.start] not in credits]
        # canonical full names: longest span text containing the short form's tokens
        full: list[Span] = [p for p in persons if len(p) >= 2]
        short_map: dict[str, str] = {}
        for p in full:
            toks = [t.text for t in p if t.text != "-"]
            short_map.setdefault(toks[-1], p.text)
            if toks[0] not in self.g.first_names:
                short_map.setdefault(toks[0], p.text)
            paternal = paternal_surname(toks)  # "Arévalo" of "Bernardo Arévalo de León"
            if paternal:
                short_map.setdefault(paternal, p.text)
        canon: dict[str, str] = {}
        titled: dict[str, str] = {}  # a lone name found by its title -> its known person
        for p in full:
            # "Joseph R. Biden, Jr." and "Joe Biden" share the surname: keep the first full form
            # (not for "Mohammed bin Salman" after "Khalid bin Salman": brothers)
            toks = [t.text for t in p if t.text != "-"]
            first_form = short_map.get(toks[-1], p.text)
            given = first_form.split()[0]
            if (
                given in self.g.first_names
                and toks[0] in self.g.first_names
                and not _same_given_name(given, toks[0])
                # (but "Pena Nieto" after "Enrique Pena Nieto": the tail of the full name)
                and toks != first_form.split()[-len(toks) :]
            ):
                first_form = p.text
            canon[p.text] = canon.get(first_form, first_form)
        for p in persons:
            text = p.text
            toks = [t.text for t in p if t.text != "-"]
            target = (
                canon.get(text)
                or canon.get(short_map.get(text, ""), short_map.get(text))
                or (canon.get(short_map.get(toks[-1], "")) if len(toks) >= 2 else None)
                or text
            )
            role, country = self._person_context(p)
            alone = len(toks) == 1
            # "President Obama" beside "Michelle Obama": the holder of the office
            given = target.split()[0]
            namesake = (
                alone
                and given in self.g.first_names
                and not {given, f"{given}."} & set(self.g.roles["honorifics"])
            )
            info = holder(text, role, self._year) if namesake and role else None
            info = info or self.known.get(target) or self.known.get(text)
            if info is None and len(target.split()) == 1 and role:
                # "Speaker Pelosi", "President Biden": the one holder of that office
                info = holder(text, role, self._year)
            if alone and not role and text in titled:
                # "Obama" after "President Obama": that person, not a namesake
                ent = self._add(titled[text], "Person", "", text, p.start)
            elif info:
                ent = self._known_person(info, text, p.start)
            else:
                ent = self._add(f"P:{target.lower()}", "Person", target, text, p.start)
            if info and alone and (role or " " not in target):
                titled.setdefault(text, ent.key)
            key = ent.key
            ent.aliases.add(target)
            if role and not ent.role:
                ent.role = role
            if role and country is None and not info and self._home_official(p, role):
                country = self.home  # "SANTIAGO - ... Foreign Minister Jose Miguel Insulza"
            if country and (not ent.country or not info):
                ent.country = ent.country or country
            for k in range(p.start, p.end):
                self.tok_ent[k] = key
                self._person_tokens.add(k)
        # persons whose country is still unknown: a role-less mention of a known figure
        for ent in self.ents.values():
            if ent.type == "Person" and not ent.country:
                rec = self.known.get(ent.name)
                if rec:
                    ent.country = rec.get("country")

    def _known_person(self, rec: dict, alias: str, start: int) -> _Ent:
        """The Person entity of a record of the table of known people, named ``alias``
        at ``start``, with the record's aliases, surname and country."""
        ent = self._add(f"P:{rec['key']}", "Person", rec["name"], alias, start, code=rec["key"])
        ent.aliases.update(rec.get("aliases", []))
        if rec.get("surname"):
            ent.aliases.add(rec["surname"])
        ent.country = ent.country or rec.get("country")
        return ent

    def _home_official(self, p: Span, role: str) -> bool:
        """A minister or head of government with no nationality under a dateline: an
        official of the dateline's country, unless "visiting"."""
        if not self.home or role.lower().split()[-1] not in _HOME_ROLE_HEADS:
            return False
        k = p.start - len(role.split())
        # "Kosovo's caretaker Prime Minister", "visiting Foreign Minister": not the home's
        for before in self.doc[max(0, k - 3) : k]:
            if before.lower_ in ("visiting", "foreign", "former", "'s", "’s") or (
                before.text[:1].isupper() and before.is_alpha and not before.is_sent_start
            ):
                return False
        return True

    def _person_context(self, p: Span) -> tuple[str | None, str | None]:
        """Role and country from the words around a person mention."""
        doc = self.doc
        role = None
        country = None
        for r in self.spans["role"]:
            if r.end == p.start or (r.end == p.start - 1 and doc[r.end].text in (",",)):
                role, country = self._role_text(r)
                break
            if r.start in (p.end + 1, p.end + 2, p.end + 3) and doc[p.end].text == ",":
                role, country = self._role_text(r)
                # "Wu Dawei, China's special representative"
                if country is None:
                    for c in self.spans["country"]:
                        if p.end < c.start < r.start + 1:
                            country = c.kb_id_
                break
        # "Olaf Scholz of Germany", "former presidents Martti Ahtisaari of Finland"
        if p.end + 1 < len(doc) and doc[p.end].lower_ == "of":
            for c in self.spans["country"]:
                if c.start == p.end + 1:
                    country = country or c.kb_id_
        if country is None and p.start >= 1:
            for c in self.spans["country"]:
                if c.end == p.start and c.label_ == "DEMONYM":
                    country = c.kb_id_
        return role, country

    def _role_text(self, r: Span) -> tuple[str | None, str | None]:
        country = None
        words = []
        for tok in r:
            words.append(tok)
        # "Secretary for Russia and Central Europe": a portfolio, not a nationality
        limit = next((k for k in range(r.start, r.end) if self.doc[k].lower_ == "for"), r.end)
        for c in self.spans["country"]:
            if r.start <= c.start < limit:
                country = c.kb_id_
                break
        if country is None:
            for o in self.spans["org"]:
                if r.start <= o.start < r.end and o.kb_id_:
                    org = self.g.orgs.get(o.kb_id_)
                    if org and org.country:
                        country = org.country
                        break
        if country is None and "secretary of state" in r.text.lower():
            country = "US"
        # drop a leading demonym/country from the role text
        start = r.start
        for c in self.spans["country"]:
            if c.start == r.start:
                start = c.end
        while start < r.end and self.doc[start].text in ("'s", "’s"):
            start += 1
        text = self.doc[start : r.end].text if start < r.end else r.text
        return text or None, country

    # ------------------------------------------------------------------ meetings
    def build_meetings(self) -> list[_Meet]:
        out: list[_Meet] = []
        triggers = list(self.spans["trigger"])
        # "told reporters", "agreed to": verbs that are meeting words only in some places
        # are no meeting words at all elsewhere (not for speakers, places or clauses)
        for t in [t for t in triggers if _words(t) in _SAID_VERBS]:
            if not self._valid_trigger(t):
                triggers.remove(t)
                self._trigger_tokens -= set(range(t.start, t.end))
                self._talk_tokens -= set(range(t.start, t.end))
        rosters = self._rosters()
        # a list of participants is who attended, not a meeting of its own ("The
        # Gathering Place" in it is a church)
        triggers = [t for t in triggers if not any(a <= t.start < b for a, b in rosters)]
        by_sent: dict[int, list[Span]] = {}
        for t in triggers:
            by_sent.setdefault(self.tok_sent[t.start], []).append(t)
        for si, trigs in sorted(by_sent.items()):
            trigs = [t for t in trigs if self._valid_trigger(t)]
            if not trigs:
                continue
            # one meeting per sentence unless the sentence clearly holds two separate ones
            groups = self._split(si, trigs)
            first: _Meet | None = None
            sent = self.sents[si]
            for n, (lo, hi, group) in enumerate(groups):
                # a later stop of an itinerary: the sentence's subject takes part (not in a
                # relative clause: "after meeting Garcia, whom he said spoke with ...")
                relative = self.doc[lo].lower_ in ("who", "whom", "which")
                subject = (
                    (sent.start, groups[0][2][0].start)
                    if n and first is not None and not relative
                    else None
                )
                if n == 0 and len(groups) > 1 and self._fronted_aside(si):
                    # "In addition to meeting Obama, Pena Nieto also spoke with Pelosi": the
                    # subject after the comma met Obama too
                    subject = (groups[1][0] + 1, groups[1][2][0].start)
                m = self._meeting(si, lo, hi, group, subject=subject)
                if m is None:
                    continue
                # "will visit India after meeting Biden": a meeting of its own, before the
                # visit, with a status of its own
                m.apart = n > 0 and self.doc[lo].lower_ in _SEQUENCE
                earlier = m.apart and self.doc[lo].lower_ in ("after", "following", "since")
                if (
                    n
                    and first is not None
                    and m.status == "held"
                    and first.status != "held"
                    and not earlier
                ):
                    m.status = first.status
                    m.date = self._date(lo, hi, group[0], m.status, si)
                first = first or m
                summit = self._summit_of_sidelines(m, lo, hi, group[0].end)
                if summit is not None:
                    out.append(summit)
                    m.participants = [
                        p
                        for p in m.participants
                        if not p.startswith("O:")
                        or p not in summit.participants[len(m.participants) :]
                    ]
                    m.participants = [p for p in m.participants if p not in self._sideline_orgs]
                self._their(m, group[0], out)
                self._topics_of_earlier(m, group[0], out)
                out.append(m)
                out += self._apart(m, lo, hi, group[0]) + self._tour(m, group[0], hi)
                out += self._one_per_side(m, lo, group[0], hi)
        self._attach_context(out)
        merged = self._merge(out)
        self._attendance(merged)
        for a, b in rosters:
            reported = [m for m in merged if m.sent_index < self.tok_sent[a]]
            if reported:
                main = min(reported, key=lambda m: m.sent_index)
                for k in range(a, b):
                    key = self.tok_ent.get(k)
                    if key and key[:2] in ("P:", "O:", "C:") and key not in main.participants:
                        main.participants.append(key)
        self._at_the_summit(merged)
        pub = self.article.published
        for m in merged:  # a meeting of the dateline's country with no place: its city
            if (
                m.location is None
                and m.mode != "phone"
                and self.home
                and (
                    self.home in self._countries(set(m.participants))
                    # "STRASBOURG - Obama hailed the NATO summit": the summit of the dateline
                    or (m.gathering or m.label == "summit") and m.status == "held" and pub
                )
                and (not m.date or not pub or _near_day(m.date, pub))
            ):
                m.location = self._home_place()
                m.mode = m.mode or ("in_person" if m.location else None)
            elif m.location == f"C:{self.home}" and (home := self._home_place()):
                if self.ents[home].country == self.home and (
                    not m.date or not pub or _near_day(m.date, pub)
                ):
                    m.location = home  # "LIMA - ... arrived in Peru": the city
        for m in merged:  # "He also met with Fidel Castro": the place of the same trip
            if m.location is None and m.mode != "phone" and m.status == "held":
                m.location = self._scene(m, merged)
                if m.location:
                    m.mode = m.mode or "in_person"
        for m in merged:  # no date of its own: the report's day (held) or month (planned)
            if (
                m.date is None
                and pub
                and (m.status in ("held", "planned") or m.headline)
                and (m.headline or not self._background(m))
            ):
                day = m.status == "held" and not self._background(m, "recent")
                m.date = pub.isoformat() if day else pub.isoformat()[:7]
        self._salient_topics(merged)
        excluded_all = [x for m in merged for x in m.excluded]
        for m in merged:
            # a side of the meeting is not its subject ("Saudi Arabia" in a Saudi meeting)
            names = {
                a.lower()
                for p in m.participants
                for a in (self.ents[p].aliases | {self.ents[p].name})
            }
            m.topics = [
                t
                for t in m.topics
                if t.lower() not in names and not any(_same_topic(t, x) for x in excluded_all)
            ]
        return merged

    def _salient_topics(self, merged: list[_Meet]) -> None:
        """The subject the article keeps coming back to ("the arms embargo", "GATT", a
        country no side of it): a subject of its main meeting (the one most reported),
        when said at least three times in the story's sentences and not yet among its
        topics, and of the story's other meetings that name no subject of their own."""
        main = max(
            (m for m in merged if not m.inherited),
            key=lambda m: (len(m.evidence), -m.sent_index),
            default=None,
        )
        if main is None:
            return
        doc = self.doc
        roles = _salient_stop()
        counts: Counter[str] = Counter()
        for sent in self.sents:
            if len(sent) < _STORY_SENT:
                continue  # headlines, menus and other page furniture
            for k in range(sent.start, sent.end - 1):
                a, b = doc[k], doc[k + 1]
                if (
                    a.is_lower
                    and b.is_lower
                    and a.is_alpha
                    and b.is_alpha
                    and len(a) > 3
                    and len(b) > 3
                    and a.lower_ not in roles
                    and b.lower_ not in roles
                ):
                    counts[f"{a.text} {b.text}"] += 1
            for k in range(sent.start, sent.end):
                t = doc[k]
                key = self.tok_ent.get(k, "")
                if (
                    t.is_upper
                    and t.is_alpha
                    and 3 <= len(t) <= 6
                    and k not in self._role_tokens
                    and k not in self.tok_place
                    and (not key or key.startswith("O:") and key not in main.participants)
                    and not key.startswith("C:")
                    and t.text not in self._metonyms
                    and t.text not in _SOURCE_ACRONYMS
                ):
                    counts[t.text] += 1
        excluded = [x.lower() for m in merged for x in m.excluded]
        salient = counts.most_common(2) + self._salient_countries(main).most_common(1)
        for term, n in salient:
            low = term.lower()
            if n < 3 or any(low in t.lower() or t.lower() in low for t in main.topics):
                continue
            if any(low in x or x in low for x in excluded):
                continue  # never a subject the text says was left out
            main.topics.append(term)
            # a meeting of the story that names no subject of its own is on its subject
            for m in merged:
                if m.topics or m.inherited or m.status == "cancelled":
                    continue
                if not any(self.g.countries[c].name == term for c in self._side_countries(m)):
                    m.topics.append(term)

    def _salient_countries(self, main: _Meet) -> Counter[str]:
        """Countries the story names by name again and again that are neither a side
        of its main meeting nor its place ("North Korea" in a story of Trump-Xi talks)."""
        sides = self._side_countries(main)
        counts: Counter[str] = Counter()
        for span in self.spans["country"]:
            if span.label_ != "COUNTRY" or len(self.sents[self.tok_sent[span.start]]) < _STORY_SENT:
                continue
            code = span.kb_id_
            if code in sides or code not in self.g.countries:
                continue
            counts[self.g.countries[code].name] += 1
        return counts

    def _side_countries(self, m: _Meet) -> set[str]:
        """ISO codes of the countries of a meeting's sides and of its place."""
        keys = [*m.participants, *([m.location] if m.location in self.ents else [])]
        codes = set()
        for key in keys:
            ent = self.ents[key]
            code = ent.code if ent.type == "Country" else ent.country
            if code in self.g.countries:
                codes.add(code)
        return codes

    def _topics_of_earlier(self, m: _Meet, main: Span, before: list[_Meet]) -> None:
        """ "They discussed X and Y, and agreed to stay in touch ahead of the NATO
        Summit": a sentence of the sides just reported, whose subjects are theirs, not
        those of the meeting it goes on to name."""
        sent = self.sents[m.sent_index]
        head = span_text(self.doc[sent.start : min(sent.start + 3, main.start)]).lower()
        prior = [o for o in before if 0 < m.sent_index - o.sent_index <= 5]
        if not (m.topics and prior):
            return
        lead = self.doc[sent.start : main.start]
        low = lead.text.lower()
        # "The two sides reaffirmed the importance of X, as directed by A and B at the
        # 2023 summit": what the sides just reported restated, not the past summit's
        verb = _CONTEXT_TOPIC.search(low) or (_RESTATED.search(low) if m.status == "held" else None)
        if verb is None:
            return
        named = [  # the subject: the people before the verb
            self.tok_ent[k]
            for k in range(sent.start, main.start)
            if self.tok_ent.get(k, "").startswith("P:")
            and self.doc[k].idx - lead.start_char < verb.start()
        ]
        if named:
            # "Mr. Sullivan and Minister bin Salman also discussed Gaza, following the
            # phone call between ...": the subject is of a meeting just reported
            target = next((o for o in reversed(prior) if named[0] in o.participants), None)
        else:
            # (but "They discussed X with Mr Lee": the partner is named)
            target = prior[-1] if _PRONOUN_SIDES.match(head) else None
        if target is None:
            return
        target.topics += [t for t in m.topics if t not in target.topics]
        m.topics = []

    def _rosters(self) -> list[tuple[int, int]]:
        """Token ranges of participant lists: a heading line ("Meeting participants
        included:", "*White House participants:*", a short line ending in a colon, or a
        bold "Participants") followed by bulleted lines ("- Rev. Jim Wallis, Chair, ..."),
        as readouts end.

        Headings and bullets alternate ("*Attorneys General:*" list, then "*White House
        participants:*" list); the roster ends at the first line that is neither."""
        text = doc_text(self.doc)
        if "\n" not in text:
            return []
        out: list[tuple[int, int]] = []
        pos = 0
        start: int | None = None
        end = 0
        bullets = 0
        for line in text.split("\n"):
            bare = re.sub(r"<[^>]*>|[*_#]", "", line).strip()
            heading = (bare.endswith(":") and len(bare) <= 60) or bool(
                _ROSTER_HEAD.search(bare.lower())
            )
            # "**<u>State Legislators</u>**": a bold sub-heading inside a roster
            heading = heading or (
                start is not None and line.lstrip()[:1] in ("*", "<") and 0 < len(bare) <= 40
            )
            if heading and start is None:
                cut = line.rfind(". ") + 1  # "... joined. Participants included:"
                start = pos + cut
            elif bare[:1] in ("-", "•", "–") and start is not None:
                bullets += 1
                end = pos + len(line)
            elif bare and start is not None:
                if bullets:
                    out.append((start, end))
                start, bullets = (pos, 0) if heading else (None, 0)
            pos += len(line) + 1
        if start is not None and bullets:
            out.append((start, end))
        spans = [self.doc.char_span(a, b, alignment_mode="expand") for a, b in out]
        return [(sp.start, sp.end) for sp in spans if sp is not None and self._lists_people(sp)]

    def _lists_people(self, span: Span) -> bool:
        """Most items of the bulleted list name a person ("- Rev. Jim Wallis, Chair"),
        unlike a list of demands ("-- An envoy working full time ...")."""
        dashes = [  # item marks, not the hyphen of "Henning-Byfield"
            t.i
            for t in span
            if t.text in ("-", "–", "•", "--")
            and t.whitespace_
            and (t.i == 0 or self.doc[t.i - 1].whitespace_)
        ]
        named = sum(
            any(k in self._person_tokens for k in range(i + 1, min(i + 5, span.end)))
            for i in dashes
        )
        return named >= 2 and 2 * named >= len(dashes)

    def _background(self, m: _Meet, cue: str = "background") -> bool:
        """The meeting's sentence places it in the past or makes it one of many
        ("multiple summits", "years ago"): not the news of the day. With ``cue="recent"``:
        a meeting of the last few weeks ("the recent summit"), not of the day."""
        words = self.cues[cue]
        return any(t.lower_ in words for t in self.sents[m.sent_index])

    def _scene(self, m: _Meet, meets: list[_Meet]) -> str | None:
        """The place of the nearest other held, placed, in-person meeting that shares a
        person with ``m`` and whose date agrees: the same trip."""
        persons = {p for p in m.participants if p.startswith("P:")}
        best: _Meet | None = None
        for o in meets:
            if (
                o is m
                or not o.location
                or o.status != "held"
                or o.mode == "phone"
                or not persons & set(o.participants)
                or m.date is not None and o.date != m.date
            ):
                continue
            if best is None or abs(o.sent_index - m.sent_index) < abs(
                best.sent_index - m.sent_index
            ):
                best = o
        return best.location if best else None

    def _attendance(self, meets: list[_Meet]) -> None:
        """ "Among those attending were Russian President Vladimir Putin, ...": the people
        and bodies a sentence lists as attending take part in the summit just reported."""
        starts = [s.start_char for s in self.sents]
        said = {bisect_left(starts, a + 1) - 1: m for m in meets for a, _ in m.evidence}
        first = {bisect_left(starts, m.evidence[0][0] + 1) - 1 for m in meets if m.evidence}
        for si, sent in enumerate(self.sents):
            own = said.get(si)
            text = span_text(sent)
            if (
                (si in first and not (own is not None and own.gathering))
                or not _ATTENDANCE.search(text)
                or _ABSENT.search(text)  # "Egypt and Kuwait were not in attendance"
            ):
                continue  # "The G7 talks in Charlevoix brought together ...": its own list
            near = [j for j in said if 0 < si - j <= 2]
            # "The meeting brought together ...": a later mention of the summit itself
            summit = said.get(si) or (said[max(near)] if near else None)
            if summit is None or not (summit.gathering or summit.label == "summit"):
                continue
            for k in range(sent.start, sent.end):
                key = self.tok_ent.get(k)
                if key and key not in summit.participants:
                    summit.participants.append(key)

    def _attach_context(self, meets: list[_Meet]) -> None:
        """Sentences without meeting words that say what a nearby meeting was (not) about."""
        if not meets:
            return
        with_meeting = {m.sent_index for m in meets}
        for si, sent in enumerate(self.sents):
            if si in with_meeting:
                continue
            excluded, blocked = self._excluded(sent.start, sent.end)
            before = [m for m in meets if m.sent_index < si]
            # the talks before the summit they were held on the sidelines of
            strong = sorted(
                (m for m in meets if self._sides(m.participants) >= 2),
                key=lambda m: (m.sent_index, m.label == "summit" and not m.sidelines),
            )
            before = [m for m in before if self._sides(m.participants) >= 2]
            named = {
                self.tok_ent[k]
                for k in range(sent.start, min(sent.start + 8, sent.end))
                if k in self.tok_ent
            }
            # "G7 foreign ministers also discussed ...": the meeting of a party it names
            # as its subject (a body, or a person), the latest one before it
            own = [
                m
                for m in meets
                if m.sent_index < si
                and (m.gathering or self._sides(m.participants) >= 2)
                and any(p in named and not p.startswith("C:") for p in m.participants)
            ]
            # (but "President Biden expressed support for ...", after a summit he is no
            # side of: his own call of two sentences before)
            first_words = range(sent.start, min(sent.start + 4, sent.end))
            opening = {self.tok_ent.get(k) for k in first_words}
            mine = bool(
                before
                and own
                and any(p in opening for p in own[-1].participants)
                and not any(p in named for p in before[-1].participants)
            )
            if before and si - before[-1].sent_index == 1 and not mine:
                target = before[-1]
            elif own and not any(
                p in named and not p.startswith("C:")
                for p in (strong[0].participants if strong else [])
            ):
                target = own[-1]
            else:
                target = strong[0] if strong else (before[-1] if before else meets[0])
            if before and re.search(r"\b(?:led|headed|chaired|represented) by\b", span_text(sent)):
                for k in range(sent.start, sent.end):
                    key = self.tok_ent.get(k)
                    if key and self.ents[key].type == "Person" and key not in target.participants:
                        target.participants.append(key)
            if excluded:
                target.excluded += [x for x in excluded if x not in target.excluded]
            low = span_text(sent).lower()
            mentions_party = any(
                self.tok_ent.get(k) in target.participants for k in range(sent.start, sent.end)
            )
            subject = _CONTEXT_SUBJECT.search(low)
            reach = 6 if subject else 3
            last = max((m.sent_index for m in meets if m.sent_index < si), default=None)
            if (
                before
                and last is not None
                and si - last <= reach
                and (
                    _CONTEXT_TOPIC.search(low)
                    or (subject or mentions_party)
                    and _CONTEXT_OUTCOME.search(low)
                )
                and (subject or mentions_party)
            ) or (
                # "Lavrov urged Syria to ...": a side of the meeting just reported presses
                before
                and si - before[-1].sent_index <= 2
                and any(p in named and p.startswith("P:") for p in target.participants)
                and self._presses(sent)
            ) or (
                # "Trade and Taiwan were high on the agenda": a topic named as the subject
                # (looked for only when the cheaper tests above fail)
                before
                and si - before[-1].sent_index <= 2
                and self._subject_topics(sent.start, sent.end)
            ):
                topics, _ = self._topics(sent.start, sent.end, [], target.excluded, anywhere=True)
                target.topics += [t for t in topics if t not in target.topics and t not in excluded]

    def _valid_trigger(self, t: Span) -> bool:
        doc = self.doc
        low = _words(t)
        nxt = doc[t.end].lower_ if t.end < len(doc) else ""
        nxt2 = doc[t.end + 1].lower_ if t.end + 1 < len(doc) else ""
        prev = doc[t.start - 1].lower_ if t.start > 0 else ""
        sent = self.sents[self.tok_sent[t.start]]
        stext = span_text(sent).lower()
        if low in _MEET_VERBS and self._meets_no_one(t, low):
            return False  # "met the deadline", "met a cool reception from Chirac"
        if t.text == "Summit" and self._company_summit(t):
            return False
        if low == "conference" and prev in ("news", "press") and nxt == "with":
            # "at a news conference with British Foreign Secretary William Hague": the two
            # appeared together; not "told a news conference"
            return self._entity_after(t.end + 1, 4)
        if low in ("conference", "conferences", "gathering"):
            # not "told a news conference", "a conference call", "the conference room"
            return prev not in _NOT_GATHERING and nxt not in (
                "call", "calls", "room", "center", "centre", "hall", "line",
            )
        if low in ("called", "call", "phone", "calls", "phones"):
            return (
                any(w in stext for w in ("phone", "telephone", "call with", "calls with"))
                and nxt not in ("for", "on", "upon", "it", "off")
                and not (low in ("phone", "phones") and nxt in _PHONE_THINGS)
            ) or (low in ("called", "calls") and self._calls_person(t))
        if low in ("spoke with", "spoke to", "speaks with", "speak with"):
            # "spoke with President Yoon", "spoke with the governors of ..."
            return self._entity_after(t.end, 3) or any(
                doc[k].lower_ in _OFFICIAL_NOUNS for k in range(t.end, min(t.end + 3, len(doc)))
            )
        if low in ("welcomed", "welcomes", "welcoming", "welcome"):
            # a host welcomes a person or a delegation, not "Germany's commitment"
            stop = next(
                (
                    k
                    for k in range(t.end, min(t.end + 8, len(doc)))
                    if doc[k].text in (",", ".", ";")
                ),
                min(t.end + 8, len(doc)),
            )
            return any(
                k in self._person_tokens or doc[k].lower_ in ("delegation", "delegations")
                for k in range(t.end, stop)
            )
        if low in (
            "received",
            "receives",
            "welcomed",
            "welcomes",
            "welcoming",
            "welcome",
            "hosted",
            "hosts",
            "hosting",
            "host",
        ):
            if low == "host" and (
                prev in _HOST_NOUN_BEFORE
                or (prev[:1].isalpha() and doc[t.start - 1].is_upper and len(prev) > 1)
            ):
                return False  # "a talk show host", "VOA host Masih Alinejad": a job
            return (
                self._entity_after(t.end, 4)
                and nxt not in _RECEIVED_THINGS
                or (
                    nxt in ("the",)
                    and self._entity_after(t.end + 1, 4)
                    and nxt2
                    not in (
                        "decision",
                        "move",
                        "news",
                        "report",
                        "announcement",
                        "agreement",
                        "deal",
                        "proposal",
                        "idea",
                        "statement",
                        "step",
                        "plan",
                    )
                )
            )
        if low in ("visit", "visits", "visiting", "visited"):
            return prev not in ("website", "to") or nxt not in ("website",)
        if low in (
            "trip to",
            "travelled to",
            "traveled to",
            "arrived in",
            "arrives in",
            "arrived for",
            "arrives for",
            "arrive for",
            "flew to",
        ) or low in _TRAVEL_TO:
            if prev == "it":
                return False  # "when it arrived in eastern China": a ship, a plane
            # a place must follow: "left for Nepal", not "left for dead"
            return low not in _TRAVEL_TO or any(
                self._place_at(k) for k in range(t.end, min(t.end + 3, len(doc)))
            )
        if low in (
            "dialogue",
            "consult",
            "consulted",
            "negotiate",
            "negotiating",
            "negotiated",
            "negotiation",
            "bilateral",
            "encounter",
        ):
            if low == "bilateral" and nxt not in _BILATERAL_NOUNS:
                return False  # "bilateral trade", "bilateral ties": not a meeting
            return self._entity_after(t.end, 3) or "between" in stext
        if low in ("gathered", "gather", "gathers"):
            # "G7 leaders gathered in Apulia": a body's members; not "protesters gathered"
            k = t.start - 1
            while k >= max(sent.start, t.start - 6) and doc[k].text != ",":
                if self.tok_ent.get(k, "").startswith("O:"):
                    return True  # (in the subject's own clause)
                k -= 1
            return False
        if low in ("round", "rounds"):
            if nxt == "of" and not any(
                doc[k].lower_ in _ROUND_OF for k in range(t.end + 1, min(t.end + 5, len(doc)))
            ):
                return False  # "another round of U.N. sanctions", "of a court battle"
            return prev in _ORDINALS or prev in (
                "earlier",
                "next",
                "new",
                "latest",
                "previous",
                "last",
                "another",
                "fresh",
            )
        if low in ("stop in", "stopover in"):
            # "his third and final stop in Ghana": a leg of someone's trip, not "a stop in
            # fighting" or "a flight to Tehran with a stop in Istanbul"
            before = {doc[k].lower_ for k in range(max(0, t.start - 4), t.start)}
            return self._place_at(t.end) is not None and bool(before & _LEG_OWNERS)
        if low in ("include", "includes"):
            # "Her tour will also include Honduras and Guatemala": the stops of a trip
            trip = any(
                doc[k].lower_ in ("tour", "trip", "itinerary", "visit", "journey")
                for k in range(max(sent.start, t.start - 4), t.start)
            )
            return trip and self._place_at(t.end) is not None
        if low in _TOLD_VERBS | _ADDRESS_VERBS and self._body_after(t.end) is not None:
            return True  # "told the Security Council", "briefed the U.N. General Assembly"
        if low == "told" and self._told_leader(t.end):
            return True  # "Trump told Vietnam's President Tran Dai Quang that ..."
        if low in _TOLD_VERBS:
            # "Kerry warned his Russian counterpart, Sergey Lavrov, that ...": words to a
            # counterpart are a contact between the two
            return any(
                doc[k].lower_ in self.cues["counterpart"]
                for k in range(t.end, min(t.end + 4, len(doc)))
            )
        if low in _ADDRESS_VERBS:
            return False  # "addressed the issue", "briefed reporters"
        if low in ("session", "sessions"):
            # "a closed-door session of the Security Council", "the Assembly's annual session"
            return any(
                self._deliberative(self.tok_ent.get(k, ""))
                for k in range(max(sent.start, t.start - 8), min(sent.end, t.end + 6))
            )
        if low in _JOINT_VERBS and (nxt == "with" or not self._joint_subject(t, named=True)):
            # "Biden and Poroshenko agreed that ...": two sides named together, not "the
            # two leaders agreed", which tells of a meeting already reported
            return False
        if low == "signed":
            # "Rice and Livni signed a memorandum", "the two signed a deal": an accord
            # signed together by the sides named in the clause before the verb
            ahead = range(t.end, min(t.end + 5, len(doc)))
            if prev in ("not", "never") or not any(doc[k].lower_ in _ACCORD_NOUNS for k in ahead):
                return False
            return self._joint_subject(t)
        if low in ("talked", "spoke"):
            # "talked with", or "Biden and López Obrador spoke this morning about ...": two
            # foreign leaders named together (not "spoke at the rally", "spoke to reporters")
            return (low == "talked" and nxt in ("with", "to", "by")) or (
                nxt not in _NOT_AFTER_SPOKE
                and self._joint_subject(t, named=True)
                and self._foreign_pair(t)
            )
        return True

    def _foreign_pair(self, t: Span) -> bool:
        """The persons named in the clause before ``t`` are of two countries or more."""
        first = max(self.sents[self.tok_sent[t.start]].start, t.start - 20)
        keys = {self.tok_ent[k] for k in range(first, t.start) if k in self.tok_ent}
        homes = {self.ents[k].country for k in keys if self.ents[k].type == "Person"}
        return len(homes - {None}) >= 2

    def _company_summit(self, t: Span) -> bool:
        """ "directors of Summit Bancorp", "..., Summit added": a name that begins with
        "Summit" or a company called so, speaking; no summit."""
        doc = self.doc
        nxt = doc[t.end] if t.end < len(doc) else None
        if nxt is None:
            return False
        if (
            nxt.lower_ in ("said", "says", "added", "announced", "reported")
            and not t[0].is_sent_start
            and not doc[t.start - 1].text[:1].isupper()
            and doc[t.start - 1].lower_ not in ("the", "a", "an", "this", "that")
        ):
            return True
        return (
            nxt.is_title
            and t.end not in self._date_tokens
            and t.end not in self.tok_place
            and t.end not in self.tok_ent
            and nxt.lower_ not in _MEETING_NOUNS
        )

    def _told_leader(self, k: int) -> bool:
        """ "told Vietnam's President Tran Dai Quang": a leader or minister named by
        title right after "told" (not "told CNN's Christiane Amanpour", "told
        reporters")."""
        doc = self.doc
        start = k
        while k < len(doc) and (
            doc[k].lower_ in ("the", "visiting", "'s", "’s")
            or self.tok_ent.get(k, "").startswith("C:")
        ):
            k += 1
        role = next((r for r in self.spans["role"] if start <= r.start <= k < r.end), None)
        return (
            role is not None
            and doc[role.end - 1].lower_ in _BARE_HEADS
            and role.end in self._person_tokens
        )

    def _meets_no_one(self, t: Span, low: str) -> bool:
        """ "met the deadline", "met criticism" (no title or name right after), or, after
        "met"/"met with", a reaction within three words before any actor and heading its
        phrase: "met a cool reception from Chirac" (not "met with opposition leaders")."""
        doc = self.doc
        nxt = doc[t.end].lower_ if t.end < len(doc) else ""
        nxt2 = doc[t.end + 1].lower_ if t.end + 1 < len(doc) else ""
        if (nxt in _MET_THINGS or nxt2 in _MET_THINGS_SECOND) and not self._titled_object(
            t.end
        ):
            return True
        if low not in ("met", "met with"):
            return False
        for j in range(t.end, min(t.end + 4, len(doc))):
            if j in self.tok_ent:
                return False
            if doc[j].lower_ in _REACTIONS:
                return j + 1 == len(doc) or not doc[j + 1].is_alpha or doc[j + 1].lower_ in (
                    "from", "by", "in", "at", "over", "among", "to", "for", "on", "and", "as",
                    "but", "when", "after", "with", "across",
                )
        return False

    def _add_side(self, code: str, at: int, parts: list[str]) -> None:
        """The country ``code`` (the host of a visit or of talks in its capital) as a side
        among ``parts``, its entity made at token ``at`` if the text has not named it."""
        if f"C:{code}" not in parts:
            self.country_ent(code, self.g.countries[code].name, at)
            parts.append(f"C:{code}")

    def _meets_group(self, main: Span, hi: int, nouns: frozenset[str] = _GROUP_NOUNS) -> bool:
        """ "met with a diverse group of faith leaders", "convened civil rights leaders":
        the meeting words take an unnamed group of people as their object (not "his
        advisers", "reporters")."""
        if _words(main) not in _GROUP_VERBS:
            return False
        for k in range(main.end, min(hi, main.end + 8)):
            low = self.doc[k].lower_
            if low in (",", ";", ".", "to", "on", "about", "at", "in") or k in self.tok_ent:
                return False
            if low in ("his", "her", "their", "its", "our"):
                return False  # "met with his advisers": his own side
            if low in nouns:
                return True
        return False

    def _titled_object(self, k: int) -> bool:
        """A title or name begins within four words after ``k``, none a preposition:
        "met Syrian opposition leader X", "meeting northern opposition militia leader X",
        not "met fierce opposition from Prime Minister X"."""
        for j in range(k, min(k + 5, len(self.doc))):
            if j in self._role_tokens or j in self._person_tokens:
                return True
            if self.doc[j].lower_ in ("from", "of", "by", "in", "to", "with", "at", "on"):
                return False
        return False

    def _calls_person(self, t: Span) -> bool:
        """ "Biden called President Lopez Obrador to congratulate him": a verb "called"
        whose object is a person (titled or not), not "called Putin a war criminal" or
        "was called Smith"."""
        doc = self.doc
        if t.start and doc[t.start - 1].lower_ in ("so", "is", "was", "were", "be", "been"):
            return False
        if t.end + 2 < len(doc) and doc[t.end].lower_ in ("him", "her"):
            # "Basescu called him over the weekend to discuss the matter"
            j = t.end + 1
            return (
                j in self._date_tokens
                or doc[j].lower_ in ("over", "on", "late", "early", "last", "yesterday", "today")
                or doc[j].lower_ == "to" and doc[j + 1].lower_ in _CALL_PURPOSE
            )
        k = t.end
        while k < len(doc) and (
            k in self._role_tokens
            or doc[k].lower_ in ("his", "her")
            # "called FEMA Administrator Deanne Criswell": the body before the title
            or (
                k < t.end + 3
                and doc[k].text[:1].isupper()
                and any(j in self._role_tokens for j in range(k + 1, min(k + 3, len(doc))))
            )
        ):
            k += 1
        if k >= len(doc) or k not in self._person_tokens:
            return False
        while k < len(doc) and k in self._person_tokens:
            k += 1
        return k >= len(doc) or doc[k].lower_ not in _NAMING_WORDS

    def _joint_subject(self, t: Span, named: bool = False) -> bool:
        """The clause before ``t`` names two sides together ("Rice and Livni", and unless
        ``named``, "the two leaders", "the prime ministers")."""
        doc = self.doc
        first = self.sents[self.tok_sent[t.start]].start
        start = t.start
        while start > first and not (
            doc[start - 1].text in (",", ";", "(", "—", "–")
            or doc[start - 1].lower_ in ("as", "while", "although", "but", "after", "when")
        ):
            start -= 1
        subject = [self.tok_ent[k] for k in range(start, t.start) if k in self.tok_ent]
        between = {doc[k].lower_ for k in range(start, t.start)}
        # the names end right before the verb: "Biden and Poroshenko agreed", not "briefed
        # Fidan on ... and they agreed"
        adjacent = t.start - 1 in self.tok_ent or t.start - 1 in self._person_tokens
        return bool(not named and between & _TOGETHER) or (
            "and" in between and adjacent and self._sides(list(dict.fromkeys(subject))) >= 2
        )

    def _deliberative(self, key: str) -> bool:
        """An organization that meets in session: "the Security Council", "the IAEA Board
        of Governors" (the ``deliberative_bodies`` cues), not "the National Security
        Council" of one government."""
        if not key.startswith("O:"):
            return False
        name = self.ents[key].name.lower()
        return "national " not in name and name.endswith(_body_names())

    def _body_after(self, i: int) -> str | None:
        """The deliberative body a speaker addresses right after ``i``: "told the
        15-nation Security Council", "briefed a closed session of the General Assembly"."""
        doc = self.doc
        for k in range(i, min(i + 8, len(doc))):
            key = self.tok_ent.get(k, "")
            if self._deliberative(key):
                return key
            if key or not (doc[k].is_lower or doc[k].like_num or doc[k].text == "-"):
                return None  # "told Lavrov", "told reporters, ..."
        return None

    def _entity_after(self, i: int, window: int) -> bool:
        """An entity within ``window`` tokens after ``i``, not counting a role's tokens
        ("spoke with President-elect Yoon")."""
        k, seen, n = i, 0, len(self.doc)
        while k < n and seen < window:
            if k in self.tok_ent:
                return True
            if k not in self._role_tokens:
                seen += 1
            k += 1
        return False

    def _split(self, si: int, trigs: list[Span]) -> list[tuple[int, int, list[Span]]]:
        s = self.sents[si]
        doc = self.doc
        if len(trigs) == 1:
            t = trigs[0]
            # "Carter said from Beijing, where he met with Chinese officials": the clause
            # "Carter said from Beijing, where he met with Chinese officials", "Trump told
            # North Korea as he wrapped up a visit to South Korea": the clause, whose "he"
            # is the one named before
            for k in range(t.start - 2, max(s.start, t.start - 6), -1):
                word = self.doc[k].lower_
                opens = word in _PRONOUN_CLAUSE or word == "where" and k == t.start - 2
                if opens and self._pronoun_at(k + 1):
                    return [(k, s.end, trigs)]
            return [(s.start, s.end, trigs)]
        # split at clause boundaries between triggers that have their own participants
        groups: list[tuple[int, int, list[Span]]] = []
        cur_start = s.start
        cur: list[Span] = [trigs[0]]
        fronted = self._fronted_aside(si)
        for prev, t in zip(trigs, trigs[1:], strict=False):
            boundary = None
            for k in range(prev.end, t.start):
                tok = self.doc[k]
                if tok.lower_ in (
                    "who",
                    "whom",
                    "which",
                    "while",
                    "whereas",
                    "after",
                    "before",
                    "following",
                    "as",
                    "since",
                    "ahead",
                    "advance",
                    "prior",
                    "where",
                    # "The G7 talks in Quebec follow U.S.-Ukraine talks in Jeddah"
                    "follow",
                    "follows",
                    "precede",
                    "precedes",
                ) or tok.text in (";", "—", "–"):
                    boundary = k
                    break
                if tok.text == "," and fronted:
                    boundary = k  # "In addition to meeting Obama, Pena Nieto spoke with"
                    break
            # "..., before holding talks with Iranian officials": the subject is elided
            gerund = (
                boundary is not None
                and doc[boundary].lower_ in _SEQUENCE
                and t.start == boundary + 1
                and doc[t.start].lower_.endswith("ing")
            )
            # "ahead of her visit to Moscow": the visit of the subject, a meeting apart
            own_trip = (
                boundary is not None
                and doc[boundary].lower_ in ("ahead", "advance", "prior", "before")
                and boundary + 1 < t.start
                and doc[boundary + 1].lower_ in ("of", "to", "his", "her")
                and any(doc[j].lower_ in ("his", "her") for j in range(boundary + 1, t.start))
                and t.label_ == "visit"
            )
            if (
                boundary is not None
                and self._parties_in(boundary, s.end)
                + self._pronoun_at(boundary + 1)
                + gerund
                + 2 * own_trip  # (its traveller is the subject, its host the place)
                >= 2
                and self._parties_in(cur_start, boundary) >= 1
            ):
                groups.append((cur_start, boundary, cur))
                cur_start, cur = boundary, [t]
                continue
            # an itinerary: "... meetings in Brussels on Tuesday, an OSCE meeting in Vienna
            # on Thursday and talks with French officials in Paris on Friday"
            sep = next(
                (
                    k
                    for k in range(prev.end, t.start)
                    if self.doc[k].text == "," or self.doc[k].lower_ == "and"
                ),
                None,
            )
            if (
                sep is not None
                and self._has_place(prev.end, sep)
                and self._has_place(t.end, s.end)
                # "at Chequers, ..., on Thursday, on the second day of a state visit": the
                # first meeting's day after the comma, so one account, not an itinerary
                and not any(
                    k in self._date_tokens
                    for k in range(
                        self._comma_in(sep, t.start) or sep,
                        t.start,
                    )
                )
            ):
                groups.append((cur_start, sep, cur))
                cur_start, cur = sep, [t]
            else:
                cur.append(t)
        groups.append((cur_start, s.end, cur))
        return groups

    def _joint_home_visit(self, main: Span, parts: list[str], location: str | None) -> bool:
        """Compatriots visiting a place at home together ("Blair is to join Home Secretary
        Blunkett in a visit to Sheffield", "on a visit with Education Secretary Kelly"):
        fellow visitors, no one met."""
        doc = self.doc
        if _words(main) not in ("visit", "visits") or location is None:
            return False
        joined = (main.end < len(doc) and doc[main.end].lower_ == "with") or any(
            doc[k].lower_ in ("join", "joins", "joined", "joining")
            for k in range(max(0, main.start - 8), main.start)
        )
        if not joined:
            return False
        countries = self._countries(set(parts))
        return len(countries) == 1 and self._place_country(location) in countries

    def _fronted_aside(self, si: int) -> bool:
        """The sentence opens with a meeting set aside ("In addition to meeting X, ...",
        "Besides talks with Y, ...")."""
        words = [t.lower_ for t in self.sents[si][:3]]
        return words[:3] == ["in", "addition", "to"] or words[:1] == ["besides"] or (
            words[:2] == ["apart", "from"]
        )

    def _summit_of_sidelines(self, m: _Meet, lo: int, hi: int, main_end: int) -> _Meet | None:
        """ "met on the sidelines of the APEC summit", "held talks with Y at the NATO
        summit": the summit itself is a meeting too, with the same people and the
        organization that held it."""
        doc = self.doc
        for k in range(lo, hi - 2):
            at_named = (
                not m.sidelines
                and m.label != "summit"
                and k >= main_end
                and doc[k].lower_ in _AT_SUMMIT
                and doc[k + 1].lower_ == "the"
            )
            if at_named or (
                m.sidelines
                and doc[k].lower_ in ("sidelines", "sideline", "margins")
                and doc[k + 1].lower_ == "of"
            ):
                end = k + 2
                while end < hi and end - k < 14 and doc[end].lower_ not in _SUMMIT_NOUNS:
                    end += 1
                if end >= hi or doc[end].lower_ not in _SUMMIT_NOUNS:
                    if at_named:
                        continue
                    return None
                orgs = [
                    self.tok_ent[j]
                    for j in range(k + 2, end)
                    if self.tok_ent.get(j, "").startswith("O:")
                ]
                if at_named and not self._summit_name(k + 2, end, bool(orgs)):
                    continue
                m.sidelines = True  # the bilateral is apart from the summit it was held at
                self._sideline_orgs = set(orgs)
                parts = list(dict.fromkeys(m.participants + orgs))
                return _Meet(
                    participants=parts,
                    status=m.status,
                    mode="in_person",
                    kind="040",
                    label=doc[end].lower_,
                    location=m.location,
                    date=m.date[:7] if m.date else None,
                    topics=[],
                    excluded=[],
                    evidence=list(m.evidence),
                    confidence=max(0.05, m.confidence - 0.15),
                    sent_index=m.sent_index,
                )
        return None

    def _summit_name(self, start: int, end: int, has_org: bool) -> bool:
        """ "the NATO summit", "the Commonwealth Heads of Government Meeting": a named
        gathering (an organization or capitalized words), not "the meeting" of two."""
        words = self.doc[start : end + 1]
        if not has_org and not words[-1].text[:1].isupper():
            return False
        return all(
            t.i in self.tok_ent
            or t.text[:1].isupper()
            or t.lower_ in ("of", "-", "and")
            or t.like_num
            for t in words[:-1]
        )

    def _their(self, m: _Meet, main: Span, before: list[_Meet]) -> None:
        """ "their second summit", "at their first meeting": the people are those of the
        meeting just reported (within three sentences), when this one names too few."""
        doc = self.doc
        if not any(doc[k].lower_ == "their" for k in range(max(0, main.start - 3), main.start)):
            return
        persons = [p for p in m.participants if self.ents[p].type == "Person"]
        prior = next(
            (
                b
                for b in reversed(before)
                if m.sent_index - b.sent_index <= 3
                and sum(self.ents[p].type == "Person" for p in b.participants) >= 2
            ),
            None,
        )
        if len(persons) >= 2 or prior is None:
            return
        m.participants = list(dict.fromkeys(m.participants + prior.participants))

    def _tour(self, m: _Meet, main: Span, hi: int) -> list[_Meet]:
        """ "had visited Italy, Saudi Arabia and Pakistan": one visit per country listed
        right after the visit word; ``m`` keeps the first."""
        if main.label_ != "visit" or main.end >= hi:
            return []
        stops: list[tuple[str, str]] = []  # (country key, place key)
        ends: list[int] = []  # where each stop's place ends (its days follow)
        k = main.end
        if k < hi and self.doc[k].lower_ in ("to", "of") and self.doc[k - 1].lower_ in _TRIP_NOUNS:
            k += 1  # "a 10-day visit to India, Indonesia and Japan", "a tour of ..."
        while k < hi:
            # (not "visit to Tokyo, Australian Prime Minister ...": a demonym is no stop)
            key = "" if self._country_label(k) == "DEMONYM" else self._place_at(k) or ""
            if key.startswith("C:"):
                country = key
            elif key.startswith("P:") and self.ents[key].country:
                country = f"C:{self.ents[key].country}"
            else:
                break
            stops.append((country, key))
            while k < hi and self._place_at(k) == key:
                k += 1
            ends.append(k)
            # "Brussels on Tuesday and Wednesday, the OSCE in Vienna on Thursday and Paris":
            # a stop's days, and a body met at the next stop, lead on to that stop
            while k < hi:
                if k in self._date_tokens or self.doc[k].lower_ in _STOP_GLUE:
                    k += 1
                elif (body := self._body_at(k, hi)) is not None:
                    k = body
                else:
                    break
        if len({c for c, _ in stops}) < 2:
            return []
        others = {c for c, _ in stops[1:]} | {p for _, p in stops[1:]}
        base = [p for p in m.participants if p not in others]
        m.participants = base
        m.location = stops[0][1]
        out = []
        bounds = [*ends[1:], hi]  # a stop's own days: between its place and the next one
        m.date = self._stop_date(ends[0], ends[1], m) or m.date
        for (country, place), end, nxt in zip(stops[1:], ends[1:], bounds[1:], strict=True):
            if country not in self.ents:  # "Tokyo, Seoul and Manila": the host of each city
                code = country[2:]
                self.country_ent(code, self.g.countries[code].name, main.start)
            out.append(
                replace(
                    m,
                    participants=[p for p in base if p != stops[0][0]] + [country],
                    location=place,
                    date=self._stop_date(end, nxt, m) or m.date,
                    topics=list(m.topics),
                    excluded=list(m.excluded),
                    evidence=list(m.evidence),
                )
            )
        return out

    def _stop_date(self, start: int, end: int, m: _Meet) -> str | None:
        """The day an itinerary gives a stop ("Vienna on Thursday"), right after it."""
        for d in self.spans["date"]:
            if start <= d.start < end:
                return self._resolve_date(d.text, m.status)
        return None

    def _body_at(self, k: int, hi: int) -> int | None:
        """After "the OSCE (OSCE) in" at ``k``: where the place it is met in starts."""
        org = self.tok_ent.get(k, "")
        if not org.startswith("O:"):
            return None
        while k < hi and (self.tok_ent.get(k) == org or self.doc[k].text in ("(", ")")):
            k += 1
        return k + 1 if k < hi and self.doc[k].lower_ in ("in", "at") else None

    def _one_per_side(self, m: _Meet, lo: int, main: Span, hi: int) -> list[_Meet]:
        """ "spoke on the telephone to US President George Bush, and the presidents of Sri
        Lanka and Indonesia", "met separately with his Thai and Cambodian counterparts": a
        call is between two sides, and so is each of separate meetings, so one per side
        listed after the meeting words; ``m`` keeps the first. Not a conference call or a
        joint, three-way or virtual meeting."""
        near = range(max(lo, main.start - 2), min(hi, main.end + 1))
        separately = any(self.doc[k].lower_ == "separately" for k in near)
        call = m.mode == "phone" and main.label_ == "phone call"
        if not (call or separately) or self._between_parties([main], hi):
            return []  # "the call between X and Y": exactly these two
        if _GROUP_CALL.search(self.doc[lo:hi].text.lower()):
            return []
        # the list after the call words, cut at its commas and "and"s; each item a side
        chunks: list[list[str]] = [[]]
        has_and = False
        for k in range(main.end, self._object_end(main.end, hi)):
            if self.doc[k].text == "," or self.doc[k].lower_ == "and":
                has_and |= self.doc[k].lower_ == "and"
                chunks.append([])
            elif k in self.tok_ent and self.tok_ent[k] in m.participants:
                chunks[-1].append(self.tok_ent[k])
        sides = [list(dict.fromkeys(c)) for c in chunks if c]
        countries = [self._countries(set(c)) for c in sides]
        if (
            not has_and
            or len(sides) < 2
            or not all(countries)
            or len(set().union(*countries)) < sum(map(len, countries))
        ):
            return []  # not a list of sides of distinct countries
        listed = [p for c in sides for p in c]
        caller = [p for p in m.participants if p not in listed]
        if self._sides(caller) != 1:
            return []
        m.participants, m.apart = caller + sides[0], True
        return [
            replace(m, participants=caller + side, topics=list(m.topics), evidence=list(m.evidence))
            for side in sides[1:]
        ]

    def _apart(self, m: _Meet, lo: int, hi: int, main: Span) -> list[_Meet]:
        """Meetings one sentence reports together but that were held apart: "X spoke with
        Y and later with Z" (X-Y and X-Z), "A and B separately met with C" (A-C and B-C).
        ``m`` keeps the first one; the others are returned."""
        doc = self.doc
        subject = [self.tok_ent[k] for k in range(lo, main.start) if k in self.tok_ent]
        for k in range(main.end + 1, hi - 2):
            if (
                doc[k].lower_ == "and"
                and doc[k + 1].lower_ in _LATER
                and doc[k + 2].lower_ in ("with", "to")
            ):
                first = {self.tok_ent[j] for j in range(main.end, k) if j in self.tok_ent}
                end = self._object_end(k + 3, hi)
                second = {self.tok_ent[j] for j in range(k + 3, end) if j in self.tok_ent}
                two = [p for p in m.participants if p in subject or p in second - first]
                one = [p for p in m.participants if p not in second or p in subject or p in first]
                if second - first - set(subject) and self._sides(one) >= 2 <= self._sides(two):
                    m.participants = one
                    return [replace(m, participants=two, topics=[], excluded=[])]
                return []
        near = range(max(lo, main.start - 3), min(main.end + 1, hi))
        people = [p for p in dict.fromkeys(subject) if self.ents[p].type == "Person"]
        if len(people) < 2 or not any(doc[k].lower_ == "separately" for k in near):
            return []
        others = [p for p in m.participants if p not in subject]
        apart = [
            [
                p,
                *(c for c in subject if c == f"C:{self.ents[p].country}"),
                *(o for o in others if o != f"C:{self.ents[p].country}"),
            ]
            for p in people
        ]
        if any(self._sides(a) < 2 for a in apart):
            return []
        m.participants = list(dict.fromkeys(apart[0]))
        return [replace(m, participants=list(dict.fromkeys(a)), topics=[]) for a in apart[1:]]

    def _has_place(self, lo: int, hi: int) -> bool:
        return any(
            (k in self.tok_place or self._metonym_city(k) is not None)
            and k > 0
            and self.doc[k - 1].lower_ in ("in", "at")
            for k in range(lo, hi)
        )

    def _place_country(self, key: str) -> str | None:
        """The country of a meeting's place: a city's country, or the country itself."""
        return self.ents[key].country if key.startswith("P:") else key[2:]

    def _comma_in(self, a: int, b: int) -> int | None:
        """The first comma among tokens ``a`` to ``b``."""
        return next((j for j in range(a, b) if self.doc[j].text == ","), None)

    def _parties_in(self, lo: int, hi: int) -> int:
        return len({self.tok_ent[k] for k in range(lo, hi) if k in self.tok_ent})

    def _meeting(
        self, si: int, lo: int, hi: int, trigs: list[Span], subject: tuple[int, int] | None = None
    ) -> _Meet | None:
        doc = self.doc
        sent = self.sents[si]
        main = trigs[0]
        hi = self._before_next_trip(main, trigs, hi)
        window = doc[lo:hi]
        wtext = window.text
        wlow = wtext.lower()
        labels = [t.label_ for t in trigs]
        # hypothetical, proposed or denied meetings are not meetings
        pre = doc[max(lo, main.start - 8) : main.end + 2].text.lower()
        if _cue_rx("unreal").search(pre):
            if not _cue_rx("cancelled").search(pre):
                return None
        if doc[main.start].lower_ in _BASE_MEET_VERBS and _PROPOSED_THAT.search(
            doc[max(lo, main.start - 20) : main.start].text.lower()
        ):
            return None  # "proposed in a letter to his counterpart that they meet"
        modal = range(max(lo, main.start - 3), main.start)
        if any(doc[k].lower_ in ("will", "would", "to") for k in modal) and _cue_rx(
            "doubt"
        ).search(doc[lo : main.start].text.lower()):
            return None  # "There are no indications so far that X and Y will meet"
        if _words(main) in _CHAT_TRIGGERS and re.search(r"\binterviews?\b", wlow):
            return None  # "sat down with a correspondent for an interview": press, not talks
        excluded, topic_block = self._excluded(lo, hi)
        topics, topic_tokens = self._topics(lo, hi, trigs, excluded)
        topic_tokens |= topic_block
        parts: list[str] = []
        if subject is not None:
            keys = [self.tok_ent[k] for k in range(*subject) if k in self.tok_ent]
            persons = [key for key in keys if self.ents[key].type == "Person"]
            if not persons and doc[lo].lower_ in _SEQUENCE:
                # "The Chinese foreign minister met ... before holding talks with": the
                # subject's country
                persons = [key for key in keys if key.startswith("C:")][:1]
            parts += [key for key in dict.fromkeys(persons) if key not in parts]
        obj_end = self._object_end(trigs[-1].end, hi)
        speakers = self._speaker_tokens(lo, hi)
        for k in range(lo, obj_end):
            key = self.tok_ent.get(k) or (
                self._bare_surname(k) if 0 < main.start - k <= 2 else None
            )
            if key and key not in parts and k not in topic_tokens and k not in speakers:
                ent = self.ents[key]
                if ent.type == "Country" and self._prep_object(k):
                    continue
                # "in Apulia, Italy", "in Geneva, Switzerland": the place's country, no party
                if ent.type == "Country" and k - 2 in self.tok_place and doc[k - 1].text == ",":
                    continue
                if ent.type == "Organization" and self._org_is_venue_or_source(k):
                    continue
                if ent.type == "Person" and self._kin_of_named(k, key):
                    continue
                parts.append(key)
        # capital metonyms as parties ("talks between Washington and Moscow")
        for c in self.spans["country"]:
            if c.label_ == "METONYM" and lo <= c.start < obj_end and c.start not in topic_tokens:
                prev = doc[c.start - 1].lower_ if c.start > 0 else ""
                if prev not in (
                    "in",
                    "to",
                    "at",
                    "from",
                    "near",
                    "outside",
                    "via",
                ) and not self._names_meeting(c.start):
                    ent = self.country_ent(c.kb_id_, self.g.countries[c.kb_id_].name, c.start)
                    ent.aliases.add(c.text)
                    if ent.key not in parts:
                        parts.append(ent.key)
        # "his Chinese counterpart": the counterpart's country is a party
        for k in range(lo, hi):
            if doc[k].lower_ in self.cues["counterpart"] and k > 0:
                for c in self.spans["country"]:
                    if c.end in (k, k - 1) and c.label_ != "METONYM":
                        key = f"C:{c.kb_id_}"
                        if key not in parts:
                            parts.append(key)
        if doc[lo].lower_ in ("he", "she", "his", "her") or (
            lo + 1 < hi
            and doc[lo].lower_
            in ("but", "and", "later", "then", "during", "where", "when", "as", "while")
            and doc[lo + 1].lower_ in ("he", "she", "his", "her")
        ):
            if not any(
                self.ents[p].type == "Person" and self._first_tok(p, lo, main.start) for p in parts
            ):
                antecedent = self._antecedent(lo)
                if antecedent and antecedent not in parts:
                    parts.insert(0, antecedent)
        if (
            _words(main) in ("include", "includes")
            or _words(main).split()[1:2] in (["him"], ["her"])
        ) and not any(self.ents[p].type == "Person" for p in parts):
            # "opening a Latin American tour which includes Bolivia", "his trip, which has
            # taken him to London": the traveller
            antecedent = self._antecedent(lo)
            if antecedent:
                parts.insert(0, antecedent)
        if (
            _words(main) in ("called", "calls")
            and main.end < hi
            and doc[main.end].lower_ in ("him", "her")
        ):
            # "Arafat said ... Basescu called him": the one called is named before, not
            # the caller
            other = self._object_antecedent(main.start, parts)
            if other:
                parts.append(other)
        head_words = doc[lo : main.start].text.lower()
        if self._sides(parts) < 2 and (
            _TWO_OF_THEM.match(head_words)
            or (not parts and _THEY_SUBJECT.fullmatch(head_words))
        ):
            # "The two leaders also said they addressed ... in talks", "They last met in
            # Washington": the pair just named
            parts += [p for p in self._named_pair(si) if p not in parts]
        if doc[lo].lower_ in ("who", "whom") and lo > sent.start:
            # "after meeting president Alan Garcia, whom he said spoke by telephone with":
            # the person the relative clause hangs on
            head = self.tok_ent.get(lo - 2 if doc[lo - 1].text == "," else lo - 1, "")
            if head.startswith("P:") and self.ents[head].type == "Person" and head not in parts:
                parts.insert(0, head)
        subject_at = list(range(max(lo, main.start - 5), main.start))  # right before
        if doc[sent.start].lower_.endswith("ing"):
            # "Speaking at a news conference with Hague, the U.S. secretary of state said":
            # the subject after the fronted clause
            comma = self._comma_in(main.end, hi)
            if comma is not None:
                subject_at.append(comma + 1)
        for k in subject_at:
            titled = self._titled_subject(k) if doc[k].lower_ == "the" else None
            if titled is not None and titled not in parts and k + 1 not in speakers:
                parts.append(titled)  # "the Pakistani president met ...": Musharraf
        bare = self._bare_role_parties(lo, obj_end, topic_tokens | speakers)
        for key in bare:
            if key not in parts:
                parts.append(key)
        # "Kabariti and parliament speaker meet" (AMMAN): an untitled official of the
        # dateline's country is a side apart from the named one of that country
        home_official = bool(self.home) and f"C:{self.home}" in bare
        between = self._between_parties(trigs, hi)
        if self._sides(between) >= 2:
            parts = between  # "the call between X and Y": exactly these sides
        where = lo if doc[lo].lower_ == "where" else None
        if main.start - 2 >= lo and doc[main.start - 2].lower_ == "where":
            where = main.start - 2 if self._pronoun_at(main.start - 1) else where
        if (
            where is not None
            and where > lo
            and doc[where + 1].lower_ in ("he", "she")
            and not any(
                self.ents[p].type == "Person" and self._first_tok(p, lo, where) for p in parts
            )
        ):
            # "after flying from the United States, where he met Bush": he of the sentence
            antecedent = self._antecedent(where)
            if antecedent and antecedent not in parts:
                parts.insert(0, antecedent)
        said_to = _words(main) in _SAID_VERBS
        # "warned his counterpart that Russia should not intervene in Ukraine": the place
        # of what was said is not where they spoke
        loc_hi = (
            next((k for k in range(main.end, hi) if doc[k].lower_ in ("that", "to")), hi)
            if said_to
            else hi
        )
        agreed = self._agreed_meeting(main, trigs, loc_hi) if said_to else None
        if agreed is not None:
            loc_hi = hi  # "agreed on Monday to hold talks in Geneva": where the talks go
        said_at = topic_tokens
        if doc[sent.start].lower_ in ("speaking", "talking", "writing"):
            # "Speaking in Geneva, Meade said he would summon ...": where he spoke
            comma = self._comma_in(sent.start, main.start)
            if comma is not None:
                said_at = topic_tokens | set(range(sent.start, comma))
        location = (
            None
            if where is not None
            else self._location(lo, loc_hi, said_at, agreed or main)
        )
        if location is None and where is not None and where > 1:
            # "from Beijing, where he met ...": the place the clause hangs on
            k = where - 2 if doc[where - 1].text == "," else where - 1
            while k > sent.start and (k in self._date_tokens or doc[k].lower_ in ("on", "in")):
                k -= 1  # "to Kiev on Friday, where he met"
            country = self.tok_ent.get(k, "")
            location = (
                self.tok_place.get(k)
                or self._metonym_city(k)
                or (country if country.startswith("C:") and not self._is_demonym(k) else None)
            )
        if (
            location is None
            and self.home
            and any(lab == "visit" for lab in labels)
            and not (
                _words(main) in ("visit", "visits") and doc[main.start - 1].lower_ == "to"
            )
            # "the visit will take place at the invitation of Jordan's prime minister":
            # the one named is the host, not the visitor the dateline receives
            and "invitation of" not in wlow
        ):
            # a visit without a place under a dateline: "Japanese foreign minister arrives
            # for talks" (AMMAN), "the visit of U.S. Secretary of State Shultz" (PEKING)
            countries = self._countries(set(parts))
            if self._sides(parts) == 1 and self.home not in countries:
                location = self.country_ent(self.home, self.g.countries[self.home].name, lo).key
            elif self.home in countries and len(countries) >= 2:
                location = f"C:{self.home}"
        if location is None and _words(main) in _VISIT_VERBS:
            location = self._visited_capital(main, parts)
        # a visit: the visited country (or the country of the visited city) is the host
        if any(lab in ("visit", "host") for lab in labels) and location:
            host = self._place_country(location)
            if host:
                self._add_side(host, lo, parts)
        # "Straw, who will hold talks in Beijing": talks of one side in another country's
        # capital are talks with its government (not at a venue of many: Geneva, Vienna)
        if (
            location
            and location.startswith("P:")
            and self._sides(parts) == 1
            and (
                any(lab in ("talks", "negotiations") for lab in labels)
                or self._meets_group(main, hi, _OFFICIAL_NOUNS)  # "met with senior officials"
            )
            and any(self.ents[p].type == "Person" for p in parts)
            # (not "their first meeting since talks in Riyadh": sides named before)
            and not any(doc[k].lower_ in ("their", "since") for k in range(lo, main.start))
        ):
            place = self.ents[location]
            host = place.country
            if (
                host
                and self.g.countries[host].capital == place.name
                and place.name not in _NEUTRAL_CAPITALS
                and host not in self._countries(set(parts))
            ):
                self._add_side(host, lo, parts)
        parts = [p for p in parts if p != location or p.startswith("C:")]
        if (
            location
            and location.startswith("C:")
            and not any(lab in ("visit", "host") for lab in labels)
        ):
            # "in Saudi Arabia": a country named as the place is not a party by that mention
            loc_is_party = any(
                self.tok_ent.get(k) == location
                and not self._after_prep(k)
                and not self._names_meeting(k)
                for k in range(lo, hi)
            )
            if not loc_is_party:
                parts = [p for p in parts if p != location]
        if _WITHOUT_ATTENDING.search(doc[max(lo, main.start - 8) : main.start].text):
            # "Trump left the Philippines without attending the summit": not one who met
            parts = [
                p
                for p in parts
                if not (
                    self.ents[p].type == "Person"
                    and any(self.tok_ent.get(k) == p for k in range(lo, main.start))
                )
            ]
        if self._joint_home_visit(main, parts, location):
            return None
        sides = self._sides(parts)
        unnamed_side = (
            sides == 1
            and (home_official or self._meets_group(main, hi))
            and any(p.startswith("P:") for p in parts)
        )
        sides += unnamed_side
        generic = all(
            t.text.lower() in self.cues["generic_meeting_nouns"]
            or t.label_ in ("talks", "meeting", "negotiations", "summit")
            for t in trigs
        )
        inherited = False
        # "the Arab League summit next week in Kuwait", "Qatar held an emergency summit
        # Friday": a gathering of one named body or host is a meeting of its own
        # a body that can gather: not a venue ("Oval Office") or a party's conference
        org_only = bool(parts) and all(
            p.startswith("O:")
            and self.ents[p].name not in _VENUES
            and not self.ents[p].name.endswith(("Party", "Office"))
            for p in parts
        )
        # "the Security Council will meet Monday": a body in session is a gathering
        in_session = (
            org_only
            and _words(main) not in _SAID_VERBS
            and any(self._deliberative(p) for p in parts)
        )
        gathering = (
            sides == 1
            and org_only
            and (
                main.label_ == "summit"
                or location is not None
                or in_session
                # "Quad leaders met at a virtual summit": the body's own summit
                or any(_words(t).endswith("summit") for t in trigs[1:])
            )
        )
        # "Abbas addressed the General Assembly": a speaker at the body's session, which
        # the other speakers of the article attend too
        addressed = (
            _words(main) in _TOLD_VERBS | _ADDRESS_VERBS
            and self._body_after(main.end) is not None
        )
        host = self._summit_host(lo, main, parts) if sides == 1 and not gathering else None
        if host is not None:
            # "Qatar held an emergency summit Friday": a gathering in the host country
            gathering = True
            location = location or host
        if sides < 2 and not gathering:
            if not generic:
                return None
            inherited = True
        status = self._status(lo, hi, main)
        # (but not "over allegations that the NSA intercepted 70 million phone calls")
        mode = "phone" if any(
            t.label_ == "phone call" and not self._in_topic_clause(t.start, topic_tokens)
            for t in trigs
        ) else None
        if mode is None and any(
            w in wlow
            for w in (
                " by phone",
                "telephone",
                "phone call",
                "video call",
                "videoconference",
                "video link",
                "virtual",
            )
        ) and not self._phone_in_topic(lo, hi, topic_tokens):
            mode = "phone"
        if mode is None and (location or any(lab in ("visit", "host", "summit") for lab in labels)):
            mode = "in_person"
        if mode is None and status == "held" and not said_to:
            mode = "in_person"  # (words said to a counterpart: by phone or face to face)
        kind = self._kind(labels, mode, location, parts)
        # "said on Wednesday from Tokyo, where he met": the clause's date is the sentence's
        date = self._date(
            sent.start if doc[lo].lower_ == "where" else lo, hi, agreed or main, status, si
        )
        day = self._undated_day
        pub = self.article.published
        if (
            status == "held"
            and date
            and pub
            and is_future(date, pub)
            # "met on August 29" in a readout dated the 28th: a time zone, not a plan
            and not (
                _words(main) in _PAST_MEET
                and len(date) == 10
                and (dt.date.fromisoformat(date) - pub).days <= 1
            )
        ):
            status = "planned"  # "ahead of the July 2024 NATO Summit": still to come
        if mode == "phone":
            location = None
        conf = 0.45 + 0.12 * min(sides, 3) + (0.08 if location else 0) + (0.05 if date else 0)
        conf -= 0.25 if inherited else 0
        conf -= 0.1 if any(lab in ("visit",) for lab in labels) and sides < 2 else 0
        ordinal = self._ordinal(lo, hi, main)
        headline = _words(main) in _PRESENT_TRIGGERS and not self._quoted(main.start)
        if headline and _words(main).startswith("arrive") and status == "held":
            status = "planned"  # "arrives for talks": the talks are still to come
        before = [doc[k].lower_ for k in range(max(lo, main.start - 3), main.start)]
        anaphoric = (
            main.label_ in ("meeting", "talks", "summit")
            and (
                bool(before)
                and before[-1] in ("that", "this", "same")
                # "The meeting brought together ...": who attended the one just reported
                or main.start == sent.start + 1
                and doc[sent.start].lower_ == "the"
                and bool(_ATTENDANCE.search(wtext))
                # "Rogers and Baker also joined the meeting": more people in the one reported
                or before[-1:] == ["the"]
                and any(w in _JOIN_WORDS for w in before[:-1])
                and (main.end >= hi or doc[main.end].lower_ not in ("of", "between", "with", "on"))
            )
        )
        named = any(
            self._names_meeting(k)
            and (
                k in self._metonym_starts or self.tok_place.get(k, self.tok_ent.get(k)) == location
            )
            for k in range(max(lo, main.start - 4), main.start)
        )
        return _Meet(
            gathering=gathering or addressed,
            unnamed_side=unnamed_side,
            named=named,
            anaphoric=anaphoric,
            headline=headline,
            definite=self._definite(main),
            ordinal=ordinal,
            sidelines=bool(re.search(r"\bsidelines?\b|\bon the margins?\b", wlow)),
            participants=parts,
            status=status,
            mode=mode,
            kind=kind,
            label=main.label_,
            location=location,
            date=date,
            day=day,
            topics=topics,
            excluded=excluded,
            evidence=[(sent.start_char, sent.end_char)],
            confidence=max(0.05, min(conf, 0.97)),
            sent_index=si,
        )

    def _summit_host(self, lo: int, main: Span, parts: list[str]) -> str | None:
        """The country that holds the summit named by ``main`` ("Qatar held an emergency
        summit", "Egypt will host a conference"): its key, when it is the one side."""
        if main.label_ != "summit":
            return None
        verb = next(
            (
                j
                for j in range(main.start - 1, max(lo, main.start - 5) - 1, -1)
                if self.doc[j].lower_ in _HOLD_VERBS
            ),
            None,
        )
        if verb is None:
            return None
        countries = {
            self.tok_ent[k] for k in range(lo, verb) if self.tok_ent.get(k, "").startswith("C:")
        }
        subject = max((k for k in range(lo, verb) if k in self.tok_ent), default=lo)
        between = {self.doc[j].lower_ for j in range(subject + 1, verb)}
        if verb - subject > 4 or between & _NOT_HOSTING:
            return None  # "Myanmar's bid to host the summit": not a summit held
        if len(countries) != 1 or self._countries(set(parts)) != {next(iter(countries))[2:]}:
            return None
        return next(iter(countries))

    def _between_parties(self, trigs: list[Span], hi: int) -> list[str]:
        """The sides named in "talks between X and Y" right after a meeting word."""
        doc = self.doc
        out: list[str] = []
        for t in trigs:
            if t is not trigs[0] and _CALL_FOR.search(
                doc[max(0, t.start - 4) : t.start].text.lower()
            ):
                continue  # "visited Abbas and stressed the need for talks between ..."
            k = t.end
            while (  # "the summit in Baghdad between Iraq, Jordan and Egypt"
                k < min(hi, t.end + 5)
                and doc[k].lower_ != "between"
                and (
                    doc[k].lower_ in ("in", "at", "on", "the")
                    or k in self.tok_place
                    or k in self._date_tokens
                    or k in self._metonym_starts
                )
            ):
                k += 1
            if k >= hi or doc[k].lower_ != "between":
                continue
            k += 1
            seen_and = False
            while k < hi and (
                k in self.tok_ent
                or k in self._person_tokens
                or k in self._role_tokens
                or doc[k].lower_ in _PARTNER_GLUE
                and not (seen_and and doc[k].text == ",")
                or k in self._metonym_starts
            ):
                seen_and = seen_and or doc[k].lower_ == "and"
                key = self.tok_ent.get(k)
                if key and key not in out:
                    out.append(key)
                k += 1
        return out

    def _speaker_tokens(self, lo: int, hi: int) -> set[int]:
        """Names that only report the meeting: "Rdainah said Arafat would go for talks",
        "..., said Camilo Ortiz", "the spokesman told reporters that the talks ...". A
        speaker who goes on about himself ("said he met", "said after the talks") stays."""
        doc = self.doc
        out: set[int] = set()
        trig = [k for k in range(lo, hi) if k in self._trigger_tokens]
        if not trig:
            return out
        for v in range(lo, hi):
            if doc[v].lower_ not in _REPORT_VERBS:
                continue
            before = self._name_run(v - 1, -1, lo)
            after = self._name_run(v + 1, 1, hi - 1)
            if before and all(k < v for k in trig) and self._ends_attribution(v, hi):
                out |= before  # "Brahimi met Lavrov, Peskov said."
            elif after and (
                all(k < v for k in trig)
                or v > lo
                and doc[v - 1].text in (",", '"', "”")
                and self._other_clause(max(after) + 1, hi)
            ):
                out |= after  # '"...", said Camilo Ortiz'
            elif (
                before
                and any(k > v for k in trig)
                and not self._speaks_of_self(v, hi)
                and not self._fronted_visitor(min(before), trig)
            ):
                out |= before  # "Rdainah said Arafat would go ... for talks"
        return out

    def _fronted_visitor(self, name: int, trig: list[int]) -> bool:
        """ "Speaking during a visit to Israel, Kerry said the talks ...": the speaker
        is the subject of the visit in the opening clause, a side of it."""
        doc = self.doc
        start = self.sents[self.tok_sent[name]].start
        return (
            name > start + 2
            and doc[name - 1].text == ","
            and doc[start].lower_ in ("speaking", "during", "on", "while", "talking")
            and any(start <= k < name and doc[k].lower_ in ("visit", "trip", "tour") for k in trig)
        )

    def _other_clause(self, k: int, hi: int) -> bool:
        """ '"...," said Camilo Ortiz, a Havana resident, but the pontiff's visit ...': the
        meeting words after a postposed speaker are in another clause (not "said Xi,
        during a meeting with Abbas", nor "said Fox, who is due to leave for Nepal")."""
        doc = self.doc
        if k + 1 >= hi or doc[k].text != "," or doc[k + 1].lower_ in ("who", "whose"):
            return False
        for j in range(k + 1, hi):
            if j in self._trigger_tokens:
                return False
            if doc[j].lower_ in ("but", "while", "whereas", "although") or doc[j].text == ";":
                return True
        return False

    def _name_run(self, k: int, step: int, stop: int) -> set[int]:
        """The tokens of a speaker's name and title next to a reporting verb."""
        doc = self.doc
        run: set[int] = set()
        while (k >= stop if step < 0 else k <= stop) and (
            k in self.tok_ent
            or k in self._person_tokens
            or k in self._role_tokens
            or doc[k].lower_ in _SPEAKER_GLUE
        ):
            run.add(k)
            k += step
        # a person, or a body that speaks ("The White House said Trump would ...")
        if any(j in self._person_tokens for j in run) or any(
            self.tok_ent.get(j, "").startswith("O:") for j in run
        ):
            return run
        return set()

    def _ends_attribution(self, v: int, hi: int) -> bool:
        """ "..., Peskov said on Sunday.": nothing but a date or an audience follows the
        reporting verb (not "Trump says he is ...")."""
        doc = self.doc
        k = v + 1
        if k < hi and doc[k].lower_ in ("on", "in", "at", "aboard", "from", "during", "to"):
            # "..., a senior official said on the plane from Seoul.": where it was said
            tail = range(k, min(hi, k + 10))
            if all(doc[j].lower_ not in ("that", "he", "she", "they", "it") for j in tail):
                if hi - k <= 10 or not doc[k + 10].is_alpha:
                    return True
        while k < hi and (
            k in self._date_tokens
            or doc[k].lower_ in _AUDIENCE_WORDS
            or doc[k].lower_ in ("on", "in", "statement", "interview")
        ):
            k += 1
        return k >= hi or not doc[k].is_alpha

    def _speaks_of_self(self, v: int, hi: int) -> bool:
        """After "said"/"told reporters": "he", "after", "following" keep the speaker in."""
        doc = self.doc
        k = v + 1
        if doc[v].lower_ in ("told", "tells"):
            while k < hi and (doc[k].lower_ in _AUDIENCE_WORDS or k in self.tok_ent):
                k += 1
        while k < hi and (
            k in self._date_tokens
            or doc[k].lower_ in ("on", "last", "this", "that", "late", "early", ",")
        ):
            k += 1
        if k + 1 < hi and doc[k + 1].lower_ in _REPORTING_GERUNDS:
            return False  # "said Saturday while announcing plans that Modi will visit ..."
        return k < hi and doc[k].lower_ in _SELF_STARTS

    def _bare_role_parties(self, lo: int, hi: int, blocked: set[int]) -> list[str]:
        """Parties behind titles without a name ("telephones the prime minister", "King to
        visit Bahrain"): the person last named with that title, else the dateline's country."""
        doc = self.doc
        out: list[str] = []
        for r in self.spans["role"]:
            if not lo <= r.start < hi or r.start in blocked:
                continue
            head = doc[r.end - 1].lower_
            if head not in _BARE_HEADS or r.end in self._person_tokens:
                continue
            if (
                r.end + 1 < len(doc)
                and doc[r.end].text[:1].isupper()
                and r.end + 1 in self._person_tokens
            ):
                continue
            if any(
                self.tok_ent.get(k, "").startswith("C:") for k in range(max(0, r.start - 2), r.end)
            ):
                continue  # "Japanese foreign minister", "Kenya's finance minister"
            j = r.start - 1 - (r.start > 1 and doc[r.start - 1].lower_ in ("the", "a"))
            if j > 0 and doc[j].text == "," and j - 1 in self._person_tokens:
                continue  # "Kabariti, the prime minister": an apposition, already a party
            person = self._titled_before(r.start, head) or self._title_holder(r)
            if person is not None:
                out.append(person)
            elif self.home and doc[r.start].lower_ not in ("his", "her", "their"):
                self.country_ent(self.home, self.g.countries[self.home].name, r.start)
                out.append(f"C:{self.home}")
        return out

    def _title_holder(self, r: Span) -> str | None:
        """ "the President" in a story titled "Readout of President Biden's Call with
        Speaker Pelosi": the person the title names with that same title, if the table
        of known people knows who it is."""
        title = self.article.title or ""
        words = [t.text for t in r if t.lower_ not in ("the", "a", "'s", "’s")]
        if not title or not words:
            return None
        office = " ".join(words)
        m = re.search(
            rf"(?<![\w-])(?<!Vice ){re.escape(office)}\s+((?:[A-Z][\w.'’-]*\s*){{1,4}})", title
        )
        if m is None:
            return None
        name: list[str] = []
        for w in m.group(1).split():
            if w in _TITLE_STOPS:
                break
            stem = re.sub(r"['’]s$", "", w)
            name.append(stem)
            if stem != w:
                break
        full = " ".join(name)
        rec = self.known.get(full) if full else None
        if rec is None and name:
            rec = holder(name[-1], office, self._year)
        if rec is None:
            return None
        ent = self._known_person(rec, rec["name"], r.start)
        ent.role = ent.role or office
        ent.aliases.add(name[-1])
        return ent.key

    def _titled_before(self, end: int, head: str) -> str | None:
        """The person with a role ending in ``head`` named in the six sentences before
        ``end``; of several, the one the story has named most ("the president" in a story
        about Obama that quotes Putin is Obama), then the last named."""
        floor = self.sents[max(0, self.tok_sent[end] - 6)].start
        found: list[str] = []
        for k in range(end - 1, floor - 1, -1):
            key = self.tok_ent.get(k)
            if key and key.startswith("P:") and key in self.ents and key not in found:
                role = (self.ents[key].role or "").lower()
                if role.endswith(head) and self.ents[key].type == "Person":
                    found.append(key)
        if len(found) < 2:
            return found[0] if found else None
        return max(found, key=lambda key: bisect_left(self._mention_starts[key], end))

    @cached_property
    def _mention_starts(self) -> dict[str, list[int]]:
        """Where each entity's mentions begin, in order (the entities are all found
        before any meeting is read)."""
        out: dict[str, list[int]] = {}
        for k in sorted(self.tok_ent):
            key = self.tok_ent[k]
            if self.tok_ent.get(k - 1) != key:
                out.setdefault(key, []).append(k)
        return out

    def _object_end(self, start: int, hi: int) -> int:
        """Where the participants after the meeting words end: at the first clause
        boundary, skipping appositions ("Ri Yong Ho, a senior ... negotiator,") and
        running through lists of actors ("Modi, Jaishankar, and Doval")."""
        doc = self.doc
        k = start
        while k < hi:
            tok = doc[k]
            low = tok.lower_
            if (
                low in ("to", "with")
                and k > start
                and doc[k - 1].lower_ == "and"
                and k + 1 < hi
                and ((k + 1) in self.tok_ent or doc[k + 1].lower_ in ("the", "his", "her"))
            ):
                k += 1  # "spoke to X, and to the presidents of Y and Z": the list goes on
                continue
            if (
                tok.text in (";", ":", "(", ")")
                or tok.text in ('"', "“", "”")
                or low in _OBJECT_STOPS
            ):
                return k
            if tok.text in (",", "—", "–"):
                nxt = doc[k + 1] if k + 1 < hi else None
                if nxt is None:
                    return k
                if (
                    k - 1 >= 0
                    and self.tok_ent.get(k - 1, "").startswith("P:")
                    and (
                        nxt.lower_ in _APPOS_WORDS
                        or nxt.text in self.g.demonym_to_country
                        or _PARTY_TAG.match(doc.text, nxt.idx)
                    )
                ):
                    # an apposition: skip to its closing comma
                    j = k + 1
                    while j < hi and doc[j].text not in (",", ".", ";"):
                        j += 1
                    k = j + 1 if j < hi and doc[j].text == "," else j
                    continue
                ent_next = self.tok_ent.get(k + 1)
                if ent_next and k - 1 >= 0 and self.tok_ent.get(k - 1, "").startswith("P:"):
                    j = k + 1
                    while j < hi and self.tok_ent.get(j) == ent_next:
                        j += 1
                    if j < hi and doc[j].text in (
                        "'s",
                        "’s",
                    ):  # "Kim Il Sung, Kim Jong Il's father,"
                        while j < hi and doc[j].text not in (",", ".", ";"):
                            j += 1
                        k = j + 1 if j < hi and doc[j].text == "," else j
                        continue
                if (
                    (k + 1) in self.tok_ent
                    or nxt.lower_ in ("and", "as", "well")
                    or nxt.text in self._role_starts
                    or (
                        nxt.lower_ == "including"
                        and k + 2 < hi
                        and (k + 2 in self._role_tokens or k + 2 in self._person_tokens)
                    )  # "Pakistani officials, including Prime Minister Gilani"
                    or self._list_reaches_person(k + 1, hi)
                ):
                    k += 1
                    continue
                return k
            k += 1
        return hi

    def _list_reaches_person(self, k: int, hi: int) -> bool:
        """The list after a comma goes on to a person through names and titles only:
        "Alabama, and Mississippi, FEMA Administrator Deanne Criswell", "Homeland
        Security Advisor Liz Sherwood-Randall"."""
        doc = self.doc
        for j in range(k, min(hi, k + 10)):
            if j in self._person_tokens:
                return True
            tok = doc[j]
            if tok.text in (".", ";", ":") or (
                tok.is_lower and tok.lower_ not in ("and", "of", "the", "for")
            ):
                return False
        return False

    def _definite(self, trig: Span) -> bool:
        """ "the talks", "these discussions", "his visit" (up to three words before)."""
        for k in range(trig.start - 1, max(-1, trig.start - 4), -1):
            low = self.doc[k].lower_
            if low in (
                "the",
                "these",
                "this",
                "that",
                "those",
                "their",
                "his",
                "her",
                "its",
                "our",
            ):
                return True
            if self.doc[k].is_punct or low in ("a", "an", "any", "no", "some"):
                return False
        return False

    def _quoted(self, k: int) -> bool:
        """Inside a quotation: an odd number of quote marks before ``k`` in its sentence."""
        sent = self.sents[self.tok_sent[k]]
        return sum(self.doc[j].text in ('"', "“", "”") for j in range(sent.start, k)) % 2 == 1

    def _first_tok(self, key: str, lo: int, hi: int) -> bool:
        return any(self.tok_ent.get(k) == key for k in range(lo, hi))

    def _pronoun_at(self, k: int) -> int:
        return int(k < len(self.doc) and self.doc[k].lower_ in ("he", "she"))

    def _antecedent(self, lo: int) -> str | None:
        """The person a he/she most likely refers to: the last one named earlier in the
        sentence ("Carter said from Beijing, where he met"), else the first one named in
        the sentences before."""
        si = self.tok_sent[lo]
        for k in range(lo - 1, self.sents[si].start - 1, -1):
            key = self.tok_ent.get(k)
            if key and self.ents[key].type == "Person":
                return key
        surnames = self._surnames()
        for back in range(si - 1, max(-1, si - 6), -1):
            sent = self.sents[back]
            start = sent.start
            if self.doc[start].lower_ in _FRONTED_CLAUSE:
                # "After meeting Milosevic, Kornblum flew to Zagreb. He ...": Kornblum
                start = next(
                    (k + 1 for k in range(start, sent.end) if self.doc[k].text == ","), start
                )
            for k in range(start, sent.end):
                titled = self._titled_subject(k)
                if titled is not None:
                    return titled  # "the Pakistani president met Mr Blair. He ...": Musharraf
                key = self.tok_ent.get(k) or surnames.get(self.doc[k].text)
                if key and self.ents[key].type == "Person":
                    return key
        return None

    def _object_antecedent(self, verb: int, parts: list[str]) -> str | None:
        """The person an object "him"/"her" at ``verb`` stands for: the first one named
        in the sentence (or the ones before) who is not already a side."""
        si = self.tok_sent[verb]
        for back in range(si, max(-1, si - 3), -1):
            sent = self.sents[back]
            for k in range(sent.start, min(sent.end, verb)):
                key = self.tok_ent.get(k)
                if key and self.ents[key].type == "Person" and key not in parts:
                    return key
        return None

    def _named_pair(self, si: int) -> list[str]:
        """The two people "the two leaders" refers to: the last pair named together
        ("U.S. President Barack Obama and British Prime Minister David Cameron on Tuesday
        blasted ...") in the three sentences before ``si``, of two countries."""
        doc = self.doc
        for back in range(si - 1, max(-1, si - 4), -1):
            sent = self.sents[back]
            for k in range(sent.end - 1, sent.start, -1):
                if doc[k].lower_ != "and":
                    continue
                left = k - 1
                while left >= sent.start and doc[left].text in (",", ")"):
                    left -= 1
                first = self.tok_ent.get(left, "")
                right = k + 1
                while right < sent.end and (
                    right in self._role_tokens
                    or self.tok_ent.get(right, "").startswith("C:")
                    or doc[right].text in ("'s", "’s")
                ):
                    right += 1  # "and British Prime Minister David Cameron"
                second = self.tok_ent.get(right, "")
                if (
                    first.startswith("P:")
                    and second.startswith("P:")
                    and self.ents[first].type == self.ents[second].type == "Person"
                    and first != second
                    and self._sides([first, second]) >= 2
                ):
                    return [first, second]
        return []

    def _titled_subject(self, k: int) -> str | None:
        """ "the Pakistani president" at ``k``, a title without a name: the person of that
        country and title named before, if only one."""
        if not (self.doc[k].lower_ == "the" and k + 2 < len(self.doc)):
            return None
        country = self.tok_ent.get(k + 1, "")
        head = self.doc[k + 2].lower_
        if not country.startswith("C:") or head not in _BARE_HEADS:
            return None
        end = k + 3
        if end + 1 < len(self.doc) and self.doc[end].lower_ == "of" and self.doc[end + 1].is_lower:
            head = f"{head} of {self.doc[end + 1].lower_}"  # "the U.S. secretary of state"
            end += 2
        if end in self._person_tokens:
            return None
        people = {
            key
            for key, ent in self.ents.items()
            if ent.type == "Person"
            and ent.country == country[2:]
            and (ent.role or "").lower().endswith(head)
            and ent.first < k
        }
        return next(iter(people)) if len(people) == 1 else None

    def _kin_of_named(self, k: int, key: str) -> bool:
        """The person at ``k`` only names whose relative the next person is: "Obama's
        predecessor, George W. Bush, held his first summit" is Bush's summit."""
        end = k
        while end == k or self.tok_ent.get(end) == key:
            end += 1
        doc = self.doc
        return (
            end + 3 < len(doc)
            and doc[end].text in ("'s", "’s")
            and doc[end + 1].lower_ in _KIN_NOUNS
            and doc[end + 2].text == ","
            and end + 3 in self._person_tokens
        )

    def _bare_surname(self, k: int) -> str | None:
        """A lone name word of a person found elsewhere that the person spans missed, as
        the subject right before the meeting words ("Hu met with Obama"): not a month,
        date, place, role or part of a longer name."""
        tok = self.doc[k]
        if (
            k in self._date_tokens
            or k in self.tok_place
            or k in self._role_tokens
            or tok.lower_ in MONTH_NAMES
            or not tok.is_title
            or (k + 1 < len(self.doc) and self.doc[k + 1].text in ("'s", "’s"))
        ):
            return None
        for j in (k - 1, k + 1):
            if 0 <= j < len(self.doc) and self.doc[j].is_title and j != self._sent_start(k):
                return None
        return self._surnames().get(tok.text)

    def _sent_start(self, k: int) -> int:
        return int(self.sents[self.tok_sent[k]].start)

    def _surnames(self) -> dict[str, str]:
        """One-word names of the people found ("Hu" of Hu Jintao), for a later bare
        mention the person spans missed; a name two people share is left out."""
        if self._surname_keys is None:
            seen: dict[str, str | None] = {}
            for key, ent in self.ents.items():
                if ent.type != "Person":
                    continue
                words = ent.name.split()
                for alias in ent.aliases | {words[0], words[-1]}:
                    if " " not in alias and alias[:1].isupper() and len(alias) > 1:
                        seen[alias] = key if seen.get(alias, key) == key else None
            self._surname_keys = {a: k for a, k in seen.items() if k}
        return self._surname_keys

    def _ordinal(self, lo: int, hi: int, main: Span) -> str | None:
        """first/second/third... round or time, which tells rounds of talks apart."""
        # before the meeting words ("the second round of talks"), or "for the first time"
        words = [t.lower_ for t in self.doc[max(lo, main.start - 4) : main.start]]
        after = [t.lower_ for t in self.doc[main.end : min(hi, main.end + 6)]]
        words += [w for i, w in enumerate(after) if i + 1 < len(after) and after[i + 1] == "time"]
        for w in words:
            if w in _ORDINALS:
                return _ORDINALS[w]
        return None

    def _prep_object(self, k: int) -> bool:
        """A country after in/at/into/against...: a place, not a party."""
        doc = self.doc
        j = k - 1
        while j >= 0 and doc[j].lower_ in ("the",):
            j -= 1
        return j >= 0 and doc[j].lower_ in (
            "in",
            "at",
            "into",
            "near",
            "outside",
            "across",
            "against",
            "inside",
            "throughout",
            "from",
            "toward",
            "towards",
        )

    def _after_prep(self, k: int) -> bool:
        return k > 0 and self.doc[k - 1].lower_ in ("in", "at", "to", "near", "outside")

    def _org_is_venue_or_source(self, k: int) -> bool:
        key = self.tok_ent[k]
        ent = self.ents[key]
        if ent.name in _VENUES:
            return self._after_prep(k) or (
                k > 1 and self.doc[k - 1].lower_ == "the" and self._after_prep(k - 1)
            )
        return False

    def _sides(self, parts: list[str]) -> int:
        """How many distinct parties: persons count with their country."""
        sides = set(parts)
        # a person and their own country are one side
        for p in parts:
            ent = self.ents[p]
            if ent.type == "Person" and ent.country and f"C:{ent.country}" in sides:
                sides.discard(f"C:{ent.country}")
        return len(sides)

    def _status(self, lo: int, hi: int, main: Span) -> str:
        doc = self.doc
        if _words(main) in ("include", "includes"):
            return "planned"  # "a tour which includes Bolivia": the stops still ahead
        if _words(main) in ("stop in", "stopover in") and _WILL.search(
            doc[lo:hi].text.lower()
        ):
            return "planned"  # "his second stop in Italy ... will be important": no tense
        if _words(main).split()[0] in _PRESENT_MOTION and any(
            doc[k].lower_ in ("tomorrow", "tonight", "evening", "later")
            for k in range(main.end, min(hi, main.end + 8))
        ):
            return "planned"  # "Funaro, who travels to Italy this evening"
        around = doc[max(lo, main.start - 10) : min(hi, main.end + 6)].text.lower()
        if main.label_ in (
            "meeting",
            "talks",
            "summit",
            "negotiations",
            "visit",
        ) and _words(main) not in ("met", "met with", "visited"):
            # a meeting noun as subject: the sentence's main verb says what became of it
            around = doc[lo:hi].text.lower()
        if _cue_rx("cancelled").search(around) and self._cancels_meeting(lo, hi):
            return "cancelled"
        near_lo = max(lo, main.start - 7)
        if "as part of" in doc[max(lo, main.start - 9) : main.start].text.lower():
            near_lo = lo  # "is scheduled to arrive in Jakarta as part of a visit to ..."
        near = doc[near_lo : min(hi, main.end + 5)].text.lower()
        if self._noun_subject_verb(lo, hi, main, ahead=True) is not None:
            return "planned"
        if _FIRST_TO.search(doc[max(lo, main.start - 10) : main.start].text.lower()):
            return "held"  # "she was the first foreign leader to visit him"
        if self._went_to_meet(lo, main, hi):
            return "held"  # "Ahmadinejad was in Russia on Tuesday to meet with Medvedev"
        if self._spoken_at(lo, main):
            return "held"  # "Cameron told reporters at the EU summit there would be ..."
        if _cue_rx("planned").search(near):  # only near: "will" far off is another clause
            return "planned"
        k = main.start - 1
        while k > lo and (
            doc[k].lower_ in ("a", "the", "fresh", "new", "further", "more")
            or k in self._date_tokens  # "for a March 26 summit"
        ):
            k -= 1
        if k > lo and doc[k].lower_ in ("he", "she", "they") and doc[k - 1].lower_ == "when":
            k -= 1  # "will ask China to ... when he meets Xi on Wednesday": still ahead
        if doc[k].lower_ == "for":
            before = {doc[j].lower_ for j in range(max(lo, k - 12), k)}
            if before & _SET_OFF or (
                before & _TRAVEL_WORDS and _WILL.search(doc[lo:k].text.lower())
            ):
                # "left Bahrain for Baghdad for talks", "He then will go to Brussels for a
                # March 26 summit": the talks are ahead
                return "planned"
        # "will hold a news conference on Wednesday, following a meeting with ...": the
        # meeting comes before what is still to come; "when" reads back to the sentence's
        # start ("will ask China to ... when he meets Xi"), "after" only to its own clause
        # ("will travel to Poland after meeting Modi on Monday": the meeting came first)
        start = self.sents[self.tok_sent[main.start]].start if doc[k].lower_ == "when" else lo
        if doc[k].lower_ in ("following", "after", "when", "while") and _WILL.search(
            doc[min(lo, start) : k].text.lower()
        ):
            return "planned"  # (and "will ask China to ... when meeting with Xi")
        purpose = self._purpose_to(lo, main)
        if purpose is not None:
            # "she will leave on Monday for Bolivia to attend a summit": the verb the
            # purpose hangs on says whether the meeting is ahead
            clause = lo
            for k in range(purpose - 1, lo - 1, -1):
                if doc[k].text in (";", ":") or doc[k].lower_ in ("who", "which", "said"):
                    clause = k + 1
                    break
            if _cue_rx("planned").search(doc[clause:purpose].text.lower()):
                return "planned"
        if (
            _words(main) in ("visit", "meet", "hold", "host")
            and main.start > 0
            and doc[main.start - 1].lower_ == "to"
        ):
            return "planned"
        if self._said_of_the_future(main, lo, hi):
            return "planned"
        return "held"

    def _noun_subject_verb(self, lo: int, hi: int, main: Span, ahead: bool = False) -> int | None:
        """The verb of meeting words opening the sentence as its subject, past the words
        that say what about ("Talks on the future of Gibraltar will open in London"), or
        None; with ``ahead``, only a verb of a meeting still to come ("will", "is due to")."""
        doc = self.doc
        if main.label_ not in ("meeting", "talks", "summit", "negotiations") or not all(
            doc[k].lower_ in ("a", "an", "the", "new", "fresh", "two", "further")
            for k in range(lo, main.start)
        ):
            return None
        for j in range(main.end, min(hi - 1, main.end + 12)):
            word = doc[j].lower_
            if word in (",", "said", "says", "that", "which", "who", "(", "—"):
                return None
            if word in ("will", "shall", "is", "are", "was", "were", "have", "has", "had"):
                planned = word in ("will", "shall") or doc[j + 1].lower_ in (
                    "to",
                    "due",
                    "expected",
                    "scheduled",
                    "set",
                    "slated",
                    "planned",
                )
                return j if planned or not ahead else None
        return None

    def _said_of_the_future(self, main: Span, lo: int, hi: int) -> bool:
        """A time after the meeting words that is still ahead: "meets Xi next week",
        "talks later this month", "in the coming days"; and a month to come after a verb
        in the present ("Japan hosts the summit in December", said in October).

        The words from a verb in the present before the meeting words are read too
        ("travels to Beijing in December for talks")."""
        doc = self.doc
        if _words(main) in _PAST_MEET:
            return False
        start = main.end
        present = _words(main) in _PRESENT_TRIGGERS or _words(main).split()[0] in _PRESENT_VERBS
        for k in range(main.start - 1, max(lo, main.start - 8) - 1, -1):
            if doc[k].text in (",", ";", ":"):
                break
            if doc[k].lower_ in _PRESENT_VERBS:
                start, present = k + 1, True
                break
        pub = self.article.published
        toks: list[Token] = []
        for k in range(start, min(hi, main.end + 10)):
            if doc[k].text in (",", ";", ":") or doc[k].lower_ in ("said", "says", "after"):
                break
            toks.append(doc[k])
        words = [t.lower_ for t in toks]
        for i, w in enumerate(words):
            prev, nxt = words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else ""
            # the time of the meeting, not of something named after it ("their
            # priorities for the coming months", "a plan for next year")
            ahead = (
                w == "tomorrow"
                or (w == "next" and nxt in _AHEAD_UNITS)
                or (w, nxt) == ("later", "this")
                or (prev, w) == ("the", "coming") and i > 1 and words[i - 2] in ("in", "over")
            )
            if ahead and prev not in ("for", "of", "until", "by", "through"):
                return True
            month = month_number(toks[i].text) if toks[i].text[0].isupper() else None
            if (
                present
                and month is not None
                and pub is not None
                and prev == "in"
                and not _YEAR.match(nxt)
                and month > pub.month
            ):
                return True  # (a present tense of a past month would be "hosted")
            if (
                present
                and w in _WEEKDAYS
                and prev in ("on", "")
                and pub is not None
                and _WEEKDAYS.index(w) != pub.weekday()
            ):
                return True  # "meets Xi in Beijing on Thursday", said on a Wednesday
        return False

    def _phone_in_topic(self, lo: int, hi: int, topic_tokens: set[int]) -> bool:
        """Every phone or video word of the window is in the clause of a topic: "met over
        allegations that the NSA intercepted 70 million phone calls"."""
        words = [
            k
            for k in range(lo, hi)
            if self.doc[k].lower_ in ("phone", "telephone", "video", "videoconference", "virtual")
        ]
        return bool(words) and all(self._in_topic_clause(k, topic_tokens) for k in words)

    def _in_topic_clause(self, k: int, topic_tokens: set[int]) -> bool:
        """Token ``k`` comes after a topic and a "that"/"which" clause it opens."""
        first = min(topic_tokens, default=k)
        return any(self.doc[j].lower_ in ("that", "which", "who") for j in range(first + 1, k))

    def _spoken_at(self, lo: int, main: Span) -> bool:
        """Words said (past tense) at the meeting: "told reporters at the EU summit",
        "said at a news conference with May"; the meeting was under way."""
        doc = self.doc
        at = next(
            (k for k in range(main.start - 1, max(lo, main.start - 9) - 1, -1)
             if doc[k].lower_ == "at"),
            None,
        )
        if at is None or any(doc[j].text in (",", ";") for j in range(at, main.start)):
            return False
        return any(doc[j].lower_ in _SAID_PAST for j in range(max(lo, at - 5), at))

    def _went_to_meet(self, lo: int, main: Span, hi: int) -> bool:
        """A past stay or trip whose purpose was the meeting: "was in Russia on Tuesday to
        meet with Medvedev", "flew to Cairo last week to hold talks" (but not "was due in
        Cairo to meet", nor "arrived on Monday to meet him on Wednesday": a day still ahead).
        """
        doc = self.doc
        to = main.start - 1 if doc[main.start - 1].lower_ == "to" else self._purpose_to(lo, main)
        if to is None or to < lo or any(k in self._date_tokens for k in range(main.end, hi)):
            return False
        for k in range(to - 1, max(lo, to - 12) - 1, -1):
            if doc[k].lower_ in _PAST_STAY:
                if doc[k].lower_ in ("was", "were") and doc[k + 1].lower_ not in _THERE:
                    return False  # "was to meet", "was supposed to meet": a plan
                return not _cue_rx("planned").search(doc[max(lo, k - 2) : to].text.lower())
            if doc[k].text in (",", ";", ":") or k in self._trigger_tokens:
                return False
        return False

    def _purpose_to(self, lo: int, main: Span) -> int | None:
        """The "to" of a purpose infinitive just before the meeting words ("left for
        Bolivia to attend a Latin American summit"), or None."""
        doc = self.doc
        for k in range(main.start - 1, max(lo, main.start - 7) - 1, -1):
            if doc[k].lower_ == "to" and k + 1 < main.start:
                return k if doc[k + 1].lower_ in _PURPOSE_VERBS else None
            if doc[k].text in (",", ";", ".") or k in self._trigger_tokens:
                return None
        return None

    def _place_token(self, k: int) -> bool:
        """Token ``k`` is part of a place, a country or a capital named for its country."""
        return (
            k in self.tok_place
            or self.tok_ent.get(k, "").startswith("C:")
            or any(a <= k < b for a, b in self._metonym_starts.items())
        )

    def _before_next_trip(self, main: Span, trigs: list[Span], hi: int) -> int:
        """Where an "after" clause's meeting ends when the sentence goes on with a trip:
        "After meeting Milosevic, Kornblum flew to Zagreb" (Zagreb is where he went
        next, Croatia no side of the meeting); ``hi`` otherwise."""
        doc = self.doc
        if main.start == 0 or doc[main.start - 1].lower_ not in ("after", "following"):
            return hi
        comma = self._comma_in(main.end, hi) or hi
        trip = next((k for k in range(comma, hi) if doc[k].lower_ in _SET_OFF), hi)
        return hi if any(t.start > trip for t in trigs) else trip

    def _agreed_meeting(self, main: Span, trigs: list[Span], to: int) -> Span | None:
        """The meeting words a joint verb's "to" leads to ("agreed on Monday to hold talks
        in Geneva next month", "agreed to postpone the visit"), or None: its place and
        date are the agreed meeting's, not the agreement's."""
        doc = self.doc
        if to >= len(doc) or doc[to].lower_ != "to" or _words(main) not in _JOINT_VERBS:
            return None
        for t in trigs:
            if t.start > to and _words(t) not in _SAID_VERBS:
                return t if self._words_between(to, t.start) <= 5 else None
        return None

    def _cancels_meeting(self, lo: int, hi: int) -> bool:
        """A cancel cue whose object or subject is a meeting word: "postponed the talks",
        "the visit was called off"; not "suspended aid" or "the long-delayed handover"."""
        doc = self.doc
        span = doc[lo:hi]
        for cue in _cue_rx("cancelled").finditer(span.text.lower()):
            first = span.char_span(cue.start(), cue.end(), alignment_mode="expand")
            if first is None:
                continue
            a, b = first.start, first.end
            # the cue before the meeting word: "called off their planned visit", "postponed
            # a face-to-face meeting", "postpone Brazilian President Dilma Rousseff's visit"
            for j in range(b, min(b + 10, hi)):
                if j in self._trigger_tokens:
                    return True
                if j - b >= 3 and not (
                    j in self._person_tokens
                    or j in self._role_tokens
                    or j in self.tok_ent
                    or doc[j].text in ("-", "'s", "’s")
                    or doc[j].lower_ in ("face", "to", "state", "official")
                ):
                    break
            # the meeting word before the cue: "the talks have been postponed"
            j = a - 1
            while j >= lo and doc[j].lower_ in _AUX_BETWEEN:
                j -= 1
            while j >= lo and (  # "the talks between X and Y have been ..."
                j in self.tok_ent
                or j in self._person_tokens
                or j in self._role_tokens
                or self._place_token(j)
                or doc[j].lower_ in _PARTNER_GLUE
                or doc[j].lower_ == "by"  # "a visit by Netanyahu to Washington was ..."
                or doc[j].lower_ in ("to", "in") and self._place_token(j + 1)
            ):  # "the visit to France was postponed"
                j -= 1
            if j >= lo and j in self._trigger_tokens:
                return True
            # a passive main verb after a meeting noun and its relative clause: "a meeting
            # ... that was due to take place in Tacna has been postponed"
            if doc[a - 1].lower_ in ("been", "be") and any(
                k in self._trigger_tokens and doc[k].lower_ in _MEETING_NOUNS for k in range(lo, a)
            ):
                return True
        return False

    def _kind(
        self, labels: list[str], mode: str | None, location: str | None, parts: list[str]
    ) -> str:
        if mode == "phone":
            return "041"
        if "host" in labels:
            return "043"
        if "visit" in labels:
            return "042"
        if "negotiations" in labels:
            return "046"
        if location and parts:
            loc_country = self._place_country(location)
            countries = {
                self.ents[p].country if self.ents[p].type != "Country" else p[2:] for p in parts
            }
            if loc_country and loc_country not in countries and len(countries - {None}) >= 2:
                return "044"
        return "040"

    def _location(self, lo: int, hi: int, blocked: set[int], main: Span) -> str | None:
        """The place nearest the meeting words ``main`` in ``lo:hi`` (tokens in ``blocked``
        aside) as an entity key, or None."""
        doc = self.doc
        best: str | None = None
        best_score = 0.0
        anchor = main.start
        anchors = [anchor] + [j for j in range(lo, hi) if j in self._trigger_tokens]
        verb = self._noun_subject_verb(lo, hi, main)
        if verb is not None:
            anchors.append(verb)  # "Talks on X and Y will open in Oslo": near the verb
        for k in range(lo, hi):
            if (
                k > anchor + 1
                and doc[k].lower_ in ("which", "who")
                and doc[k - 1].text == ","
                and not any(j in self._trigger_tokens for j in range(k, hi))
            ):
                break  # ", which included stops in Japan": a clause about something else
            if k in blocked or k in self._date_tokens:
                continue  # "in March": a month, not the town of March
            if doc[k].text in _REGIONS or all(
                self._words_between(a, k) > _PLACE_REACH for a in anchors
            ):
                continue  # a place far from the meeting words belongs to another clause
            prev = doc[k - 1].lower_ if k > 0 else ""
            prev2 = doc[k - 2].lower_ if k > 1 else ""
            if (prev == "to" or prev == "the" and prev2 == "to") and not any(
                doc[j].lower_ in _TRAVEL_WORDS and self._words_between(j, k) <= 3
                for j in range(max(lo, k - 12), k)
            ):
                continue  # "to X" after a verb of motion only: not "urged Japan to"
            if doc[k].lower_ == "here" and prev != "from" and self._home_place():
                # "held talks here": the city of the dateline
                here = float(abs(k - anchor))
                if best is None or here < best_score:
                    best, best_score = self._home_place(), here
                continue
            if self._names_meeting(k):
                pass  # "the Hanoi summit", "Shultz' Moscow talks": the place of the meeting
            elif prev in ("of", ",") and prev2 in _PLACE_NOUNS:
                pass  # "the former Soviet republic of Estonia", "the Ethiopian capital, Addis"
            elif prev == "for" and any(
                doc[j].lower_ in _DEPART_WORDS for j in range(max(lo, k - 4), k - 1)
            ):
                pass  # "left Bahrain for Baghdad on Monday for talks": where he went
            elif prev not in ("in", "at", "to", "near", "outside") and not (
                prev == "the" and prev2 in ("in", "at", "to")
            ):
                # "visited New Delhi", "visiting Beijing", "visit the Maldives"
                after = prev2 if prev == "the" else prev
                if (
                    after not in ("visited", "visiting", "visit", "visits", "arrived")
                    or k not in self.tok_place
                    and self.tok_ent.get(k, "")[:2] != "C:"
                    and not self._metonym_city(k)
                ):
                    continue
            metonym = self._metonym_city(k)
            capital = self._capital_named(k)
            if k in self.tok_place:
                cand = self.tok_place[k]
            elif metonym:
                cand = metonym
            elif capital:
                cand = capital
            elif (
                self.tok_ent.get(k, "").startswith("C:")
                and not self._is_demonym(k)
                and (not self._attributive(k) or self._names_meeting(k))
            ):
                cand = self.tok_ent[k]
            elif (
                self.tok_ent.get(k, "").startswith("O:")
                and self.ents[self.tok_ent[k]].name in _VENUES
            ):
                venue = self.ents[self.tok_ent[k]].name
                cand = self._add(
                    f"P:{venue.lower()}",
                    "Place",
                    venue,
                    venue,
                    k,
                    country="US" if venue == "White House" else None,
                ).key
            else:
                continue
            # the place nearest the meeting words (after them preferred); a city over a country
            dist = (k - anchor) if k >= anchor else 1.5 * (anchor - k)
            score = dist + (8 if cand.startswith("C:") else 0)
            if best is None or score < best_score:
                best, best_score = cand, score
        return best

    def _capital_named(self, k: int) -> str | None:
        """ "in the Hungarian capital": the capital of the country of the demonym at ``k``
        as a Place key, or None."""
        doc = self.doc
        if k + 1 >= len(doc) or doc[k + 1].lower_ != "capital" or not self._is_demonym(k):
            return None
        city = self._capital_city(self.tok_ent[k][2:])
        return self.city_ent(city, city.name, k).key if city else None

    def _capital_city(self, code: str | None) -> gazetteer.City | None:
        """The gazetteer city that is the capital of the country ``code``, or None."""
        country = self.g.countries.get(code) if code else None
        return self.g.cities.get(country.capital) if country and country.capital else None

    def _home_place(self) -> str | None:
        """The dateline's city as a Place key ("NAIROBI, June 12 -", "PEKING, March 20 -")."""
        if self.home_city in self.ents:
            return self.home_city
        if self._home_capital is not None:
            return self._metonym_city(self._home_capital)
        return None

    def _words_between(self, a: int, b: int) -> int:
        """Words between two tokens, not counting names, titles and dates (a list of
        ministers is one item)."""
        lo, hi = min(a, b), max(a, b)
        if hi <= lo + 1:
            return 0
        if self._word_counts is None:  # counted once, when the entities are all known
            counts = [0]
            for j, tok in enumerate(self.doc):
                counts.append(
                    counts[-1]
                    + (
                        tok.is_alpha
                        and j not in self.tok_ent
                        and j not in self._person_tokens
                        and j not in self._role_tokens
                        and j not in self._date_tokens
                    )
                )
            self._word_counts = counts
        return self._word_counts[hi] - self._word_counts[lo + 1]

    def _visited_capital(self, main: Span, parts: list[str]) -> str | None:
        """The capital of a foreign official visited by name ("recently visited Mr Blair",
        "visiting President Putin"): leaders receive their visitors at home."""
        doc = self.doc
        for k in range(main.end, min(main.end + 4, len(doc))):
            key = self.tok_ent.get(k, "")
            if key.startswith("P:"):
                home = self.ents[key].country
                city = self._capital_city(home)
                others = [p for p in parts if p != key and p != f"C:{home}"]
                if city is None or not others or any(self.ents[p].country == home for p in others):
                    return None  # a visit at home: "the president visited his minister"
                return self.city_ent(city, city.name, k).key
            if key.startswith("C:") and self._is_demonym(k):
                continue  # "visited Russian President Putin"
            if key or not (doc[k].is_title or k in self._role_tokens):
                return None
        return None

    def _names_meeting(self, k: int) -> bool:
        """A city, capital or (before "summit") a country naming a meeting: "the Geneva
        summit", "Moscow talks", "the Venice Economic Summit"."""
        doc = self.doc
        if k in self.tok_place:
            key, city = self.tok_place[k], True
        elif self.tok_ent.get(k, "").startswith("C:"):
            key, city = self.tok_ent[k], False
        elif k in self._metonym_starts:
            key, city = f"M:{k}", True
        else:
            return False
        end = k + 1
        while end < len(doc) and (self.tok_place.get(end) == key or self.tok_ent.get(end) == key):
            end += 1
        if k in self._metonym_starts:
            end = self._metonym_starts[k]
        if k > 0 and doc[k - 1].lower_ in ("in", "at", "to", "from", "of"):
            return False
        if (
            end < len(doc)
            and doc[end].lower_ in _TRIP_LEGS
            and k > 0
            and (doc[k - 1].lower_ in ("his", "her", "their", "the") or doc[k - 1].text == "'s")
        ):
            return True  # "on his New Zealand leg", "the Tokyo stop of her tour"
        for j in range(end, min(end + 3, len(doc))):
            if j in self._talk_tokens:
                word = doc[j].lower_
                return word in ("summit", "summits") or city and word in _PLACE_NAMED_NOUNS
            if not (doc[j].is_title and doc[j].is_alpha):
                return False  # only a capitalised name part between: "Economic Summit"
        return False

    def _place_at(self, k: int) -> str | None:
        """The place or country named at token ``k`` ("Nepal", "Bali", "Seoul"), or None."""
        country = self.tok_ent.get(k, "")
        return (
            self.tok_place.get(k)
            or self._metonym_city(k)
            or (country if country.startswith("C:") else None)
        )

    def _metonym_city(self, k: int) -> str | None:
        """A capital named as a place ("in Beijing") becomes a Place entity."""
        if k not in self._metonym_starts:
            return None
        for c in self.spans["country"]:
            if c.start == k and c.label_ == "METONYM":
                city = self.g.cities.get(c.text) or self.g.cities.get(c.text.title())
                if city is None:
                    return None
                return self.city_ent(city, c.text, k).key
        return None

    def _attributive(self, k: int) -> bool:
        """ "the US embassy": a country name used as a modifier, not as a place."""
        end = k
        while end < len(self.doc) and self.tok_ent.get(end) == self.tok_ent.get(k):
            end += 1
        if end >= len(self.doc):
            return False
        nxt = self.doc[end]
        if end in self._role_tokens and self.doc[k - 1].lower_ not in ("in", "at"):
            return True  # "visiting U.S. Congressman Dana Rohrabacher": his country
        return (
            nxt.is_alpha
            and nxt.text.islower()
            and not nxt.is_stop
            and nxt.lower_ not in _NOT_HEAD_NOUNS
            and not (len(nxt) > 4 and nxt.lower_.endswith("ed"))  # "in Kuwait devoted to"
        )

    def _country_label(self, k: int) -> str | None:
        """The label of the country mention at ``k`` (COUNTRY, DEMONYM, METONYM), if any."""
        return next((c.label_ for c in self.spans["country"] if c.start <= k < c.end), None)

    def _is_demonym(self, k: int) -> bool:
        """A country named by its people or its capital ("Chinese", "Beijing")."""
        return self._country_label(k) not in (None, "COUNTRY")

    def _date(self, lo: int, hi: int, main: Span, status: str, si: int) -> str | None:
        """The date nearest the meeting words (after them preferred) that resolves;
        weekdays point forward for planned meetings."""
        doc = self.doc
        self._undated_day = None

        def distance(d: Span) -> int:
            if d.start >= main.start:
                return d.start - main.start
            # "revealed in March that he met ...": the date of the report, not the meeting
            reported = any(doc[k].lower_ in _REPORT_WORDS for k in range(d.end, main.start))
            return 2 * (main.start - d.start) + 3 + (40 if reported else 0)

        cands = sorted(
            (
                d
                for d in self.spans["date"]
                if lo <= d.start < hi
                and not self._report_date(d, main)
                # "the first visit by an African leader since 2008": not its date
                and not (d.start > 0 and doc[d.start - 1].lower_ == "since")
            ),
            key=distance,
        )
        for d in cands:
            text = d.text
            if d.end < len(doc) and text.lower() in MONTH_NAMES and _YEAR.match(doc[d.end].text):
                text = f"{text} {doc[d.end].text}"  # "in June 2018": the span holds "June"
            if text.lower() in _WEEKDAYS and d.start and doc[d.start - 1].lower_ == "next":
                text = f"next {text}"  # "next Thursday" said on a Thursday: a week on
            past_trip = d.start < main.start and any(
                doc[j].lower_ in _PAST_TRIP for j in range(max(lo, d.start - 6), d.start)
            )
            # "left Qatar for Riyadh on Monday for talks": the day he left, already past
            value = self._resolve_date(text, "held" if past_trip else status)
            if value and text.lower().endswith(" week"):
                # "next week ... on Tuesday": that day of that week
                days = (day_of_week(text, o.text, self.article.published) for o in cands)
                value = next((v for v in days if v), value)
            elif value and text.lower() in _WEEKDAYS:
                # "visits Europe next week ... and Paris on Friday": Friday of next week
                sent = self.sents[si]
                days = (
                    day_of_week(o.text, text, self.article.published)
                    for o in self.spans["date"]
                    if sent.start <= o.start < d.start
                    and o.text.lower().endswith(" week")
                    # (not "will travel next week after meeting Modi on Monday")
                    and not any(doc[j].lower_ in _SEQUENCE for j in range(o.end, d.start))
                )
                value = next((v for v in days if v), value)
            if value:
                return value
            if self.article.published is None and resolve(text, _SOME_DAY):
                self._undated_day = text.lower() if text.lower() in _WEEKDAYS else None
                return None  # "on Saturday" with no date of publication: not "by 2015"
        return None

    def _report_date(self, d: Span, main: Span) -> bool:
        """ "..., the minister said on Friday", "told reporters on Tuesday": the day of
        the report, not of the meeting (when the meeting words come before it)."""
        doc = self.doc
        if d.start <= main.start:
            return False
        k = d.start - 1
        if k >= 0 and doc[k].lower_ in ("on", "late", "early", "last", "this"):
            k -= 1
        while k >= 0 and doc[k].lower_ in _AUDIENCE_WORDS:
            k -= 1
        return k >= main.end and doc[k].lower_ in _REPORT_VERBS | {"announced", "reported"}

    def _resolve_date(self, text: str, status: str) -> str | None:
        pub = self.article.published
        low = text.lower()
        if low in _WEEKDAYS and pub and status in ("planned", "cancelled"):
            # the weekday of publication is that day: "will meet Xi on Tuesday" in
            # Tuesday's paper
            delta = (_WEEKDAYS.index(low) - pub.weekday()) % 7
            return (pub + dt.timedelta(days=delta)).isoformat()
        value = resolve(text, pub)
        words = low.split()
        if (
            value
            and pub
            and status == "planned"
            and len(value) == 7
            and words
            and words[-1] in MONTH_NAMES
            and words[0] not in ("last", "this")
        ):
            # "in January", said in December of a planned meeting: the coming January
            if value < pub.isoformat()[:7]:
                value = f"{int(value[:4]) + 1}{value[4:]}"
        if value and value.startswith("--") and self.article.year_hint:
            value = f"{self.article.year_hint}{value[1:]}"
        return value

    def _topics(
        self, lo: int, hi: int, trigs: list[Span], excluded: list[str], anywhere: bool = False
    ) -> tuple[list[str], set[int]]:
        """Short noun phrases after topic openers ("discussed X", "talks on X")."""
        doc = self.doc
        topics: list[str] = []
        used: set[int] = set()
        text_tokens = [t.lower_ for t in doc[lo:hi]]
        first_trigger = min((t.start for t in trigs), default=lo)
        last_end = -99  # where the last topic ended: "opinions on X, as well as on Y"
        k = lo
        while k < hi:
            matched = None
            for words in self._openers_at.get(text_tokens[k - lo], ()):
                if text_tokens[k - lo : k - lo + len(words)] == words:
                    matched = words
                    break
            if matched is None and text_tokens[k - lo] in _PRESS_VERBS:
                matched = self._pressed_to(k, lo, hi, text_tokens)
            said_that = None
            if matched is None and text_tokens[k - lo] in _THAT_VERBS:
                matched = said_that = self._said_that(k, lo, hi, text_tokens)
            if (
                matched is None
                or (
                    said_that is None  # "warned Lavrov that ...": the verb is the meeting's
                    and any(t.start <= k < t.end and _words(t) not in _JOINT_VERBS for t in trigs)
                )
                or self.tok_ent.get(k, "").startswith("O:")  # "... Cooperation in Europe"
            ):
                k += 1
                continue
            nxt = []  # the words up to the head noun: "on a four-day tour"
            for j in range(k + len(matched), min(k + len(matched) + 5, hi)):
                w = text_tokens[j - lo]
                if w in _TOPIC_CUTS or w in ("of", "during") or j in self._date_tokens:
                    break  # "on Gaza next month": the date is no part of it
                nxt.append(w)
            # "on"/"over"/"about" open a topic only after the meeting words, and never
            # "on the sidelines", "on behalf", "on Monday"
            if matched[0] in _WEAK_OPENERS and (
                (not anywhere and k < first_trigger)
                or (nxt and nxt[0] in _NOT_TOPIC_AFTER_ON)
                or any(w in _NOT_TOPIC_AFTER_ON for w in nxt[1:])
                or (k + len(matched)) in self._date_tokens
                or not (self._anchored(k, lo) or 0 <= k - last_end <= 5)
            ):
                k += 1
                continue
            start = k + len(matched)
            if matched[-1] in ("including", "include", "included") and (
                start in self._role_tokens
                or start in self._person_tokens
                or start in self._trigger_tokens
                or start in self.tok_place
            ):
                # "met Pakistani officials, including Prime Minister Gilani", "his travels
                # will include meeting Modi": people, stops and meetings, not subjects
                k += 1
                continue
            if matched[0] in ("addressed", "address") and any(
                w in _AUDIENCES for w in text_tokens[start - lo : start - lo + 3]
            ):
                k += 1
                continue
            if (
                matched[0] in _JOINT_VERBS
                and matched[-1] == "to"
                and any(j in self._trigger_tokens for j in range(start, min(start + 3, hi)))
            ):
                k += 1  # "agreed to hold talks in Oman": the meeting agreed, not a subject
                continue
            if matched[-1] == "to" and any(
                w[0] not in _WEAK_OPENERS
                and w[0] not in _NOUN_OPENERS
                and text_tokens[start - lo : start - lo + len(w)] == w
                for w in self._openers
            ):
                k = start  # "agreed to work together on X": the inner opener starts the topic
                continue
            if matched[0] in _RESTATED_OPENERS:
                inner = self._inner_noun_opener(start, hi, text_tokens, lo)
                if inner is not None:
                    k = inner  # "underscored the importance of X": X, after the inner opener
                    continue
            # "On Yemen, Mr. Sullivan welcomed ...": a fronted topic ends at its comma
            fronted = matched[0] in _WEAK_OPENERS and k == self.sents[self.tok_sent[k]].start
            end = start
            pieces: list[Span] = []  # "X in Madrid and Y": X, then Y
            while end < hi and end not in self._date_tokens:
                tok = doc[end]
                if (
                    tok.text == "("
                    and end + 2 < hi
                    and doc[end + 2].text == ")"
                    and doc[end + 1].text.isupper()
                    and end > start
                ):
                    end += 3  # "Korea's (DPRK) nuclear programs": an acronym in passing
                    continue
                if tok.text in (".", ";", ":", "?", "!", "(", ")") or tok.lower_ in _TOPIC_STOPS:
                    break
                if fronted and tok.text == ",":
                    break
                if tok.text == "”" or (
                    tok.text == "," and end + 1 < hi and doc[end + 1].text in ('"', "”")
                ):
                    break  # the end of a quotation: '... the weapons issue," Wang said'
                if tok.text == "," and self._attribution_after(end, hi):
                    break  # "..., Canadian officials said.": who said it, not the subject
                if (
                    tok.text == ","
                    and end + 2 < hi
                    and doc[end + 1].lower_ in ("a", "an", "the")
                    and doc[end + 2].lower_ in _MEETING_NOUNS
                ):
                    break  # "to hammer out a draft resolution, a meeting a diplomat called"
                if end > start and tok.lower_ in ("with", "to") and self._partner_at(end + 1):
                    break  # "the idea with Mr McCain": the partner, not the subject
                if (
                    end > start
                    and doc[end - 1].lower_ in ("and", ",")
                    and tok.lower_ in self._strong_first
                    and any(
                        text_tokens[end - lo : end - lo + len(w)] == w
                        for w in self._openers_at.get(tok.lower_, ())
                    )
                ):
                    break  # "..., and discussed Y": the next opener starts its own topics
                if end > start and doc[end - 1].lower_ == "and" and tok.lower_ in _NEXT_VERBS:
                    break  # "condemned the attack and reiterated ...": the next statement
                if (
                    tok.lower_ in ("at", "during")
                    and end > start
                    and self._names_encounter(end, hi)
                ):
                    break  # "focused on trade at their summit": the meeting, not the subject
                if tok.lower_ == "as" and end > start and doc[end - 1].lower_ == "such":
                    # "cooperation in areas such as emerging technologies and clean energy":
                    # the areas listed are the subjects
                    pieces.append(doc[start : end - 1])
                    start = end = end + 1
                    continue
                if (
                    tok.lower_ == "as"
                    and end > start
                    and end + 2 < hi
                    and doc[end + 1].lower_ == "well"
                    and doc[end + 2].lower_ == "as"
                ):
                    pieces.append(doc[start:end])  # "X as well as Y": X, then Y
                    start = end = end + 3
                    continue
                if tok.lower_ == "as" and not (
                    end + 1 < hi and doc[end + 1].lower_ in ("a", "an", "well")
                ):
                    break
                if (
                    tok.lower_ in ("in", "at")
                    and (end + 1) < hi
                    and (
                        (end + 1) in self._date_tokens
                        or (end + 1) in self.tok_place
                        or self._metonym_city(end + 1)
                    )
                    # "the situation in Gaza": a subject, not where they met
                    and not (
                        tok.lower_ == "in"
                        and (end + 1) in self.tok_place
                        and doc[end - 1].lower_ in self.cues["place_topics"]
                    )
                ):
                    after = end + 1
                    while after < hi and (
                        self.tok_place.get(after) == self.tok_place.get(end + 1)
                        and after in self.tok_place
                    ):
                        after += 1
                    if (
                        end + 1 in self.tok_place
                        and after + 1 < hi
                        and doc[after].lower_ in ("and", ",")
                        and doc[after + 1].lower_ not in _TOPIC_STOPS
                        and end > start
                    ):
                        pieces.append(doc[start:end])  # "the summit in Madrid and ..."
                        start = end = after + 1
                        continue
                    break
                end += 1
            if end == start and not pieces:
                k += 1
                continue
            parts = [part for piece in pieces for part in _split_topics(piece)]
            for part in parts + (_split_topics(doc[start:end]) if end > start else []):
                for t in _clean_topic(part, self.cues["topic_stop"]):
                    if not self._topic_ok(t):
                        continue  # "as well", "Carter", "Washington", "second summit"
                    if not any(_same_topic(t, x) for x in excluded) and t not in topics:
                        topics.append(t)
            used.update(range(pieces[0].start if pieces else start, end))
            last_end = end
            k = max(end, k + 1)
        for t in self._subject_topics(lo, hi) + self._modifier_topics(lo, trigs, used):
            if not any(_same_topic(t, x) for x in excluded) and t not in topics:
                topics.append(t)
        return topics[:14], used

    def _inner_noun_opener(self, start: int, hi: int, low: list[str], lo: int) -> int | None:
        """Where a noun opener begins a few modifier or owner words after ``start`` ("the
        importance of", "his unwavering commitment to", "the United States’ support for"),
        or None."""
        for j in range(start, min(start + 8, hi)):
            for w in self._openers_at.get(low[j - lo], ()):
                if w[0] in _NOUN_OPENERS and low[j - lo : j - lo + len(w)] == w:
                    return j
            if not (
                low[j - lo] in _OPENER_MODIFIERS
                or low[j - lo] in ("'s", "’s", "'", "’", "-", "–")
                or self.doc[j].is_title
                or j + 1 < hi and low[j + 1 - lo] in ("'s", "’s", "'", "’")
            ):
                return None
        return None

    def _modifier_topics(self, lo: int, trigs: list[Span], used: set[int]) -> list[str]:
        """The subject named by the words before a meeting noun: "peace talks", "arms
        control negotiations", "a climate summit"; their tokens join ``used``."""
        doc = self.doc
        subjects = self.cues["subject_modifiers"]
        links = self.cues["subject_modifier_links"]
        out = []
        for t in trigs:
            head = t.end - 1  # "peace talks" is itself a trigger
            if doc[head].lower_ not in _MODIFIED_NOUNS:
                continue
            k = head
            while k > lo and (doc[k - 1].lower_ in subjects or doc[k - 1].lower_ in links):
                k -= 1
            while k < head and doc[k].text == "-":
                k += 1
            if any(doc[j].lower_ in subjects for j in range(k, head)):
                words = doc[k:head].text.replace(" - ", "-")
                out.append(words.lower() if doc[k].is_sent_start else words)
                used.update(range(k, head))
        return out

    def _names_encounter(self, k: int, hi: int) -> bool:
        """A meeting word within four words after ``k`` with no actor before it: "at
        their summit", "at talks brokered by China"."""
        for j in range(k + 1, min(k + 5, hi)):
            if j in self.tok_ent:
                return False
            if self.doc[j].lower_ in _ENCOUNTER_HEADS:
                return True
        return False

    def _attribution_after(self, comma: int, hi: int) -> bool:
        """ "..., a Finance Ministry spokesman said." after ``comma``: a short source and
        a reporting verb that end the sentence."""
        doc = self.doc
        for k in range(comma + 1, min(comma + 8, hi)):
            if doc[k].lower_ in ("quoted", "citing", "according"):
                return True  # ", the agency quoted officials as saying", ", citing sources"
            if doc[k].lower_ in _REPORT_VERBS:
                return self._ends_attribution(k, hi)
            if not (doc[k].is_alpha or doc[k].text in ("'s", "’s", ".", "-")):
                return False
        return False

    def _said_that(self, k: int, lo: int, hi: int, low: list[str]) -> list[str] | None:
        """ "warned his Russian counterpart, Sergey Lavrov, on Saturday that Russia should
        not intervene ...", "agreed that": the words up to the "that" whose clause says
        what was put to the other side (not "told reporters that")."""
        to_someone = low[k - lo] in ("warned", "warns", "told", "tells", "assured", "assures")
        for j in range(k + 1, min(k + 16, hi - 1)):
            w = low[j - lo]
            if w == "that":
                # "told Reuters that", "told the broadcaster CCTV that": a report, unless
                # the one told is a person or side ("warned his counterpart, X, that")
                told = any(
                    low[i - lo] in ("him", "her", "them", *self.cues["counterpart"])
                    or self._side_at(i)
                    for i in range(k + 1, j)
                )
                return low[k - lo : j - lo + 1] if told or not to_someone else None
            if w in _AUDIENCE_NOUNS or w in ("and", "but", "who", "which", "to"):
                return None
            if w in (".", ";", ":", '"', "“"):
                return None
        return None

    def _side_at(self, k: int) -> bool:
        """A person or country is named at token ``k``."""
        ent = self.ents.get(self.tok_ent.get(k, ""))
        return ent is not None and ent.type in ("Person", "Country")

    def _presses(self, sent: Span) -> bool:
        """The sentence's subject presses someone to act within its first words: "Lavrov
        urged Syria to ...", "Trump also pressed Japan to ..."."""
        low = [t.lower_ for t in sent]
        return any(
            t.lower_ in _PRESS_VERBS and self._pressed_to(t.i, sent.start, sent.end, low)
            for t in sent[:12]
        )

    def _pressed_to(self, k: int, lo: int, hi: int, low: list[str]) -> list[str] | None:
        """ "urged Syria to place its chemical weapons under control", "pressed Japan to
        lower its trade deficit": the words up to the "to" whose clause is the subject
        pressed for (a short object between, no clause break)."""
        for j in range(k + 1, min(k + 7, hi - 1)):
            w = low[j - lo]
            if w == "to":
                return low[k - lo : j - lo + 1] if j > k + 1 else None
            clause_break = w in ("not", "that", "and", "who", "which")
            if clause_break or not (self.doc[j].is_alpha or w in ("'s", "’s", "-")):
                return None
        return None

    def _subject_topics(self, lo: int, hi: int) -> list[str]:
        """Topics named as the subject of a topic predicate: "climate change was
        discussed", "Trade and Taiwan were high on the agenda", "Iran dominated the talks"."""
        doc = self.doc
        out: list[str] = []
        low = [t.lower_ for t in doc[lo:hi]]
        for k in range(lo + 1, hi):
            for words in self._predicates_at.get(low[k - lo], ()):
                if low[k - lo : k - lo + len(words)] != words:
                    continue
                start = k
                while (
                    start > lo
                    and k - start < _TOPIC_WORDS
                    and doc[start - 1].text not in _CLAUSE_PUNCT
                    and doc[start - 1].lower_ not in _SUBJECT_TOPIC_BOUNDS
                    and (start - 1) not in self._date_tokens
                ):
                    start -= 1
                if start < k and not (start > lo and k - start >= _TOPIC_WORDS):
                    for part in _split_topics(doc[start:k]):
                        out += [
                            t
                            for t in _clean_topic(part, self.cues["topic_stop"])
                            if self._topic_ok(t) and t.lower() not in _PRONOUNS
                        ]
                break
        return out

    def _anchored(self, k: int, lo: int) -> bool:
        """A weak opener at ``k`` follows a meeting or discussion word in its clause
        ("talks on trade", "began talks in Amman on Monday on the peace process"), not a
        visit ("the first stop on a 10-day trip")."""
        first = k - 1
        if self.doc[k].lower_ in ("including", "such") and k > lo and self.doc[k - 1].text == ",":
            first = k - 2  # "issues in talks at the White House, including the war"
        for j in range(first, max(lo, k - 13) - 1, -1):
            tok = self.doc[j]
            if tok.text in (",", ";", ".", ":", "—", "–") or tok.lower_ in _CLAUSE_WORDS:
                return False
            if tok.lower_ in _TOPIC_ANCHORS or j in self._talk_tokens:
                return True
        return False

    def _partner_at(self, k: int) -> bool:
        """``k`` starts a person or the press ("with Mr McCain", "to reporters")."""
        doc = self.doc
        if k >= len(doc):
            return False
        if k in self._person_tokens or doc[k].lower_ in _PARTNER_WORDS:
            return True
        return doc[k].lower_ == "the" and k + 1 < len(doc) and doc[k + 1].lower_ in _PARTNER_WORDS

    def _names_an_actor(self, t: str) -> bool:
        """ "President Biden", "Pentagon spokesman Rear Adm. John Kirby": a person with a
        title, not a subject (a bare name is ruled out by ``_person_names``)."""
        words = t.split()
        if len(words) < 2 or len(words) > 7 or words[-1] not in self._surname_words:
            return False
        return all(w[:1].isupper() or w.lower() in _TITLE_WORDS for w in words)

    def _topic_ok(self, t: str) -> bool:
        """A topic names a subject: not filler, a person, a capital standing for its
        government, a vague noun or an encounter ("second summit")."""
        words = t.split()
        low = t.lower()
        return not (
            all(w.lower() in _FILLER for w in words)
            or t in self._person_names
            or t in self._metonyms
            or low in _VAGUE_TOPICS
            or words[-1].lower() in _ENCOUNTER_HEADS
            # "he and Ri had exchanged ...": a clause's subject, not a subject raised
            or words[0].lower() in ("he", "she", "they", "we", "i", "it")
            or self._names_an_actor(t)
            # "in talks at the White House": where they met, not what about
            or len(words) > 1
            and words[0].lower() in ("in", "at", "during")
            and words[1].lower() in _ENCOUNTER_HEADS
        )

    def _excluded(self, lo: int, hi: int) -> tuple[list[str], set[int]]:
        """Subjects the text says were not discussed, with the tokens they cover."""
        doc = self.doc
        out: list[str] = []
        used: set[int] = set()
        text = span_text(doc[lo:hi])
        if not _NEGATION_HINT.search(text):
            return out, used
        base = doc[lo].idx
        low = text.lower()
        for key, rx in self._excluded_rx:
            if key not in low:
                continue
            for m in rx.finditer(text):
                for piece in re.split(r",\s*|\s+or\s+|\s+and\s+", m.group("T")):
                    if (
                        re.search(
                            r"\b(?:said|says|told|added|according|although|though|while|because|it|is|was)\b",
                            piece,
                        )
                        or len(piece.split()) > 5
                    ):
                        break
                    t = _clean_topic_text(
                        re.sub(
                            r"^(?:[Tt]he|[Aa]n?)\s+(?=[a-z])(?:(?:subject|issue|topic|question)"
                            r"\s+of\s+)?",
                            "",
                            piece,
                        )
                    )
                    if (
                        t
                        and t not in out
                        and t.lower() not in ("it", "this", "that", "there", "they")
                    ):
                        out.append(t)
                span = doc.char_span(
                    base + m.start("T"), base + m.end("T"), alignment_mode="expand"
                )
                if span is not None:
                    used.update(range(span.start, span.end))
        return out, used

    def _merge(self, meets: list[_Meet]) -> list[_Meet]:
        """One meeting per real-world encounter: later mentions with compatible
        parties, date, place and status fold into the earlier one; a mention without
        its own parties ("the talks", "a third round") joins the latest compatible
        meeting, or, when it names another round, becomes a meeting of the article's
        main parties."""
        out: list[_Meet] = []
        lead: _Meet | None = None  # "Talks on X open on Monday." before any sides are named
        for m in meets:
            weak = not m.gathering and (
                len(m.participants) == 0 or self._sides(m.participants) + m.unnamed_side < 2
            )
            target = None
            if weak and not out and not m.participants:
                lead = m if lead is None else lead
                continue
            if m.anaphoric and out and out[-1].status == m.status and not m.date:
                target = out[-1]  # "Both Sessions and Trump attended that meeting"
                target.participants += [p for p in m.participants if p not in target.participants]
                target.topics += [t for t in m.topics if t not in target.topics]
            elif not weak:
                # the compatible meeting with fewest sides the mention lacks: "his meeting
                # with the president" is the bilateral, not the summit it was held at
                fits = [o for o in out if self._compatible(o, m)]
                target = min(
                    fits, key=lambda o: len(set(o.participants) - set(m.participants)), default=None
                )
                if target is None:
                    if lead is not None and not out and self._leads_to(lead, m):
                        self._fold_lead(lead, m)
                    out.append(m)
                    continue
                target.participants += [p for p in m.participants if p not in target.participants]
                target.topics += [t for t in m.topics if t not in target.topics]
            else:
                strong = [o for o in out if not o.inherited]
                last = out[-1] if out else None
                if (
                    strong
                    and not m.ordinal
                    and not m.date
                    and strong[0].status == m.status
                    and not (
                        last is not None and last.gathering and last.sent_index == m.sent_index - 1
                    )
                ):
                    # "the meeting", "the talks": the article's main meeting, unless the
                    # sentence before has just reported a gathering ("Qatar held a summit")
                    last = strong[0]
                if not m.definite and not m.ordinal and not m.date:
                    # "strategic stability talks are hard to consider": no meeting in particular
                    # (but "the two leaders said they addressed X in talks": its subjects)
                    low = span_text(self.sents[m.sent_index]).lower()
                    if (
                        m.topics
                        and last is not None
                        and m.status == last.status
                        and 0 <= m.sent_index - last.sent_index <= 3
                        and _CONTEXT_SUBJECT.search(low)
                    ):
                        last.topics += [t for t in m.topics if t not in last.topics]
                    continue
                if m.named and last is not None and last.location != m.location:
                    last = None  # "the Tokyo summit" is not the meeting of the article
                # "... left without attending the summit. Tillerson would attend the summit
                # in his place": the summit of the day, whoever goes
                same_summit = (
                    last is not None
                    and last.label == m.label == "summit"
                    and m.sent_index - last.sent_index <= 2
                    and m.date in (None, last.date)
                )
                if (
                    last is not None
                    and (m.status == last.status or same_summit)
                    # "the two-day summit opened on Sunday": a day of the summit
                    and _dates_agree(m.date, last.date, 3 if last.gathering else 0)
                    and not (m.ordinal and m.ordinal != last.ordinal)
                ):
                    target = last
                    if target.label == m.label == "summit":
                        # "Tillerson would attend Tuesday's summit in his place": one of a
                        # summit's sides, there in person
                        home = self._countries(set(target.participants))
                        target.participants += [
                            p
                            for p in m.participants
                            if self.ents[p].type == "Person"
                            and self.ents[p].country in home
                            and p not in target.participants
                        ]
                elif m.ordinal or m.date or m.named:
                    base = min(out, key=lambda o: o.sent_index) if out else None
                    if base is None:
                        continue
                    m.participants = [
                        p for p in base.participants if self.ents[p].type != "Person"
                    ] + [p for p in m.participants if self.ents[p].type == "Person"]
                    m.confidence = min(m.confidence, 0.45)
                    m.inherited = True
                    out.append(m)
                    continue
                else:
                    if (
                        m.definite
                        and (m.topics or m.excluded)
                        and last is not None
                        and 0 <= m.sent_index - last.sent_index <= 3
                    ):
                        # "X will meet Y ... the meeting was likely to be dominated by Z":
                        # the tense of the aside is not another meeting's
                        last.topics += [t for t in m.topics if t not in last.topics]
                        last.excluded += [t for t in m.excluded if t not in last.excluded]
                    continue
            target.excluded += [t for t in m.excluded if t not in target.excluded]
            target.topics += [t for t in m.topics if t not in target.topics]
            target.location = target.location or m.location
            if m.date and (not target.date or m.date.startswith(target.date)):
                target.date = m.date  # "next week" ... "opens on Friday": the day
            target.ordinal = target.ordinal or m.ordinal
            target.mode = target.mode or m.mode
            target.evidence += [e for e in m.evidence if e not in target.evidence]
            target.confidence = min(0.97, max(target.confidence, m.confidence) + 0.05)
        for o in out:
            o.topics = [t for t in o.topics if not any(_same_topic(t, x) for x in o.excluded)]
        return out

    def _at_the_summit(self, merged: list[_Meet]) -> None:
        """A meeting of people at a summit on its day, with no place of its own ("Rubio
        is expected to have a pull-aside meeting with Iwaya on Thursday"), is held there."""
        summits = [
            g
            for g in merged
            if g.location
            and (
                g.gathering
                or g.label == "summit"
                # "G7 foreign ministers gathered in Charlevoix": a body's meeting of many
                or (
                    any(p[:2] == "O:" for p in g.participants)
                    and len(self._countries(set(g.participants))) >= 3
                )
            )
        ]
        for m in merged:
            if m.location is not None or m.mode == "phone" or not m.date or len(m.date) != 10:
                continue
            persons = [p for p in m.participants if self.ents[p].type == "Person"]
            homes = {self.ents[p].country for p in persons}
            for g in summits:
                if (
                    g is not m
                    and g.date == m.date
                    and persons
                    and None not in homes
                    and homes <= self._countries(set(g.participants)) | {
                        self.ents[p].country for p in g.participants if p[:2] == "O:"
                    }
                ):
                    m.location = g.location
                    m.mode = m.mode or "in_person"
                    break

    def _leads_to(self, lead: _Meet, m: _Meet) -> bool:
        """A lead without sides ("Talks aimed at averting strikes will take place this
        weekend.") announces the meeting of the sentence or two after it."""
        return (
            0 < m.sent_index - lead.sent_index <= 2
            and lead.status == m.status
            and _dates_agree(lead.date, m.date)
        )

    @staticmethod
    def _fold_lead(lead: _Meet, m: _Meet) -> None:
        """The lead's subjects, place, day and evidence go to the meeting it announces."""
        m.topics += [t for t in lead.topics if t not in m.topics]
        m.excluded += [t for t in lead.excluded if t not in m.excluded]
        m.location = m.location or lead.location
        m.date = m.date or lead.date
        m.mode = m.mode or lead.mode or ("in_person" if m.location else None)
        m.evidence = lead.evidence + [e for e in m.evidence if e not in lead.evidence]

    def _compatible(self, a: _Meet, b: _Meet) -> bool:
        if a.status != b.status or (a.ordinal and b.ordinal and a.ordinal != b.ordinal):
            return False
        if a.sent_index == b.sent_index and (a.apart or b.apart):
            return False  # one sentence, one meeting before the other
        if (a.gathering or b.gathering) and {
            p for p in set(a.participants) & set(b.participants) if p.startswith("O:")
        }:
            # "the SCO summit ... the two-day summit opened on Sunday": days of one summit
            return _dates_agree(a.date, b.date, 3)
        bodies = [{p for p in v.participants if self._deliberative(p)} for v in (a, b)]
        if bodies[0] != bodies[1]:
            return False  # a session of the Security Council and a visit of a speaker
        same_people = {p for p in a.participants if p.startswith("P:")} == {
            p for p in b.participants if p.startswith("P:")
        }
        if a.sidelines != b.sidelines and not (
            same_people
            and (
                b.definite
                and b.date is None
                # "his stop in Italy for the G-8 summit": the trip there is the summit
                or "visit" in (a.label, b.label)
                and "summit" in (a.label, b.label)
                and a.location == b.location
                and a.sent_index == b.sent_index
            )
        ):
            return False  # (but "the meeting between Modi and Xi" is the one on the sidelines)
        if not _dates_agree(a.date, b.date):
            return False
        if (a.day and b.date and not b.day) or (b.day and a.date and not a.day):
            return False  # "arrived Tuesday" (no date of publication) and "his 1994 talks"
        if a.day and b.day and a.day != b.day:
            # with no date of publication: talks "on Sunday" are not talks "on Saturday";
            # a visit, though, runs over days (the visitor's talks on the next day)
            shared = {p for p in set(a.participants) & set(b.participants) if p[:2] == "P:"}
            if not ("visit" in (a.label, b.label) and shared):
                return False
        if a.location and b.location and a.location != b.location:
            la = self._place_country(a.location)
            lb = self._place_country(b.location)
            if not (
                a.location.startswith("C:") and la == lb or b.location.startswith("C:") and la == lb
            ):
                return False
        if (a.mode and b.mode) and a.mode != b.mode:
            return False
        for v, o in ((a, b), (b, a)):
            # "Her tour will also include Honduras": a stop of its own, not the place of
            # "will meet Foreign Minister Insulza" (of Chile)
            if (
                v.label == "visit"
                and v.location
                and v.location.startswith("C:")
                and o.location is None
                and o.label != "visit"
                and bool(
                    {
                        self.ents[p].country
                        for p in o.participants
                        if self.ents[p].type == "Person" and self.ents[p].country
                    }
                    - {v.location[2:]}
                    - self._countries(set(v.participants))
                )
            ):
                return False  # (a host of another country than the one visited)
        pa, pb = set(a.participants), set(b.participants)
        if not pb:
            return False
        persons_a = {p for p in pa if p.startswith("P:")}
        persons_b = {p for p in pb if p.startswith("P:")}
        if (a.label == "summit") != (b.label == "summit"):
            # a summit somewhere and a talk with someone not at it: two meetings ("will
            # meet Insulza on Monday ... leave that day for Bolivia to attend a summit")
            summit, other = (a, b) if a.label == "summit" else (b, a)
            s_persons = {p for p in summit.participants if p.startswith("P:")}
            o_persons = {p for p in other.participants if p.startswith("P:")}
            if o_persons - s_persons and summit.location and not other.location:
                return False
        if persons_a and persons_b:
            return len(persons_a & persons_b) >= min(2, len(persons_b), len(persons_a)) and (
                persons_b <= persons_a or persons_a <= persons_b or len(persons_a & persons_b) >= 2
            )
        ca = self._countries(pa)
        cb = self._countries(pb)
        # "The G7 talks bring together ministers from ...": the body's meeting named again
        body = (
            any(p.startswith("O:") for p in pa & pb)
            and b.definite
            and not b.date
            and (ca <= cb or cb <= ca)
        )
        return (
            len(ca & cb) >= 2
            or body
            or (
                ca == cb
                and len(ca) >= 1
                and (a.date == b.date or a.location == b.location)
                and bool(a.date or a.location)
            )
        )

    def _countries(self, parts: set[str]) -> set[str]:
        out = set()
        for p in parts:
            ent = self.ents[p]
            if ent.type == "Country":
                out.add(p[2:])
            elif ent.country:
                out.add(ent.country)
        return out

    def _title(self, m: _Meet) -> str:
        """A short human label: "Lavrov–Rubio talks", "United States–Russia meeting"."""
        people = [self.ents[p] for p in m.participants if self.ents[p].type == "Person"]
        names = (
            [p.name.split()[-1] for p in people]
            if len(people) >= 2
            else [self.ents[p].name for p in m.participants if self.ents[p].type != "Person"]
        )
        if len(people) == 1:
            own = (
                self.g.countries[people[0].country].name
                if people[0].country in self.g.countries
                else None
            )
            names = [people[0].name.split()[-1]] + [n for n in names if n != own]
        noun = (
            "summit"
            if m.label in ("summit", "conference", "forum")
            else _NOUN_BY_LABEL.get(m.label, "meeting")
        )
        return f"{'–'.join(list(dict.fromkeys(names))[:4]) or 'Unnamed'} {noun}"

    # ------------------------------------------------------------------ output
    def extraction(self) -> Extraction:
        self.build_entities()
        meets = self.build_meetings()
        for e in self.ents.values():  # "Tokyo, Japan": a place also by its country
            if e.type == "Place" and e.country in self.g.countries:
                country = self.g.countries[e.country].name
                if country != e.name:
                    e.aliases.add(f"{e.name}, {country}")
        order = sorted(self.ents.values(), key=lambda e: (e.first, e.key))
        ids = {e.key: f"e{i + 1}" for i, e in enumerate(order)}
        entities = tuple(
            Entity(
                id=ids[e.key],
                type=e.type,  # type: ignore[arg-type]
                name=e.name,
                aliases=tuple(sorted(a for a in e.aliases if a and a != e.name)),
                country=self.g.countries[e.country].name if e.country in self.g.countries else None,
                country_code=e.country,
                role=e.role,
                code=e.code,
            )
            for e in order
        )
        text = self.article.text
        meetings = []
        for i, m in enumerate(meets):
            ev = tuple(
                Evidence(
                    text[s:e].strip(),
                    s + (len(text[s:e]) - len(text[s:e].lstrip())),
                    e - (len(text[s:e]) - len(text[s:e].rstrip())),
                )
                for s, e in m.evidence
            )
            meetings.append(
                Meeting(
                    id=f"m{i + 1}",
                    participants=tuple(ids[p] for p in m.participants),
                    status=m.status,  # type: ignore[arg-type]
                    location=ids.get(m.location) if m.location else None,
                    date=m.date,
                    mode=m.mode,  # type: ignore[arg-type]
                    kind=m.kind,
                    topics=tuple(m.topics),
                    excluded_topics=tuple(m.excluded),
                    evidence=ev,
                    confidence=round(m.confidence, 3),
                    label=self._title(m),
                )
            )
        return Extraction(self.article, entities, tuple(meetings))


_CAP_PHRASE = r"[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*"
#: a common-noun subject at the start of a clause: "the trade dispute was not discussed"
_LOW_PHRASE = (
    r"(?:^|(?<=, )|(?<=while )|(?<=but )|(?<=that )|(?<=; ))"
    r"(?!(?i:while|but|that|and|or|so|yet|he|she|it|they|we|this|there)\b)"
    # (a sentence may open on it: "Sanctions relief was not discussed")
    r"(?:(?:[Tt]he|[Aa]n?) )?[a-zA-Z][a-z][\w'\-]*(?:\s+[a-z][\w'\-]*){0,3}"
)
_T_BEFORE = (
    r"(?P<T>(?:the (?:topic|issue|question) of )?"
    + _CAP_PHRASE
    + r"(?:(?:\s+or\s+|\s+and\s+)"
    + _CAP_PHRASE
    + r")*|"
    + _LOW_PHRASE
    + r")"
)
#: a subject runs to the end of its clause: "avoided Taiwan when Putin met Xi" stops
#: before "when"
_CLAUSE_END = (
    r"(?!\b(?:when|while|where|after|before|because|but|if|though|although|since|until|as)\b)"
)
_T_AFTER = r"(?P<T>(?:" + _CLAUSE_END + r"[^.,;:!?()\n]){2,80})"
_T_LIST = r"(?P<T>(?:" + _CLAUSE_END + r"[^.;:!?()\n]){2,120})"
_T_MID = r"(?P<T>[\w'\- ]{2,60}?)"


@cache
def _cue_rx(name: str) -> re.Pattern[str]:
    """One regex for a cue list of ``cues.json``: any of its phrases as whole words."""
    cues = sorted(gazetteer.load().cues[name], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b")


@cache
def _salient_stop() -> frozenset[str]:
    """Words of no subject in a repeated pair: ``_SALIENT_STOP`` and the words of titles."""
    roles = gazetteer.load().roles
    return _SALIENT_STOP | {w.lower() for key in ("heads", "modifiers") for w in roles[key]}


@cache
def _body_names() -> tuple[str, ...]:
    """The ``deliberative_bodies`` cues: ends of the names of bodies that meet in session."""
    return tuple(gazetteer.load().cues["deliberative_bodies"])


@cache
def _cue_words(name: str) -> tuple[list[str], ...]:
    """A cue list of ``cues.json`` ("topic_openers") as word lists, longest first."""
    cues = gazetteer.load().cues[name]
    return tuple(op.split() for op in sorted(cues, key=len, reverse=True))


@cache
def _cue_words_by_first(name: str) -> dict[str, tuple[list[str], ...]]:
    """A cue list grouped by first word, each group in :func:`_cue_words` order: a token
    is looked up once instead of tried against every phrase."""
    out: dict[str, list[list[str]]] = {}
    for words in _cue_words(name):
        out.setdefault(words[0], []).append(words)
    return {first: tuple(group) for first, group in out.items()}


@lru_cache(maxsize=1)
def _excluded_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each pattern with the longest word of its fixed part, which a text must hold
    before the regex is worth running ("agenda" for "{T} is not on the agenda")."""
    return tuple(
        (_key_word(p), _compile_excluded(p)) for p in gazetteer.load().cues["excluded_patterns"]
    )


def _key_word(pattern: str) -> str:
    """The longest run of letters outside ``{T}``, lower-case.

    >>> _key_word("{T} is not on the agenda")
    'agenda'
    """
    words = re.findall(r"[A-Za-z]+", pattern.replace("{T}", " "))
    return max(words, key=len).lower() if words else ""


def _compile_excluded(pattern: str) -> re.Pattern[str]:
    """``{T} is not on the agenda`` -> a regex whose group ``T`` is the subject."""
    before, _, after = pattern.partition("{T}")
    flex = lambda part: re.escape(part).replace(r"\ ", r"\s*").replace("—", "\\s*[—–-]+\\s*")  # noqa: E731
    if not before:
        return re.compile(_T_BEFORE + flex(after))
    if after.strip():
        # "no {T} on the agenda": "no" a whole word, not the start of "not be on the agenda"
        lead = flex(before.rstrip()) + (r"\s+" if before.endswith(" ") else "")
        return re.compile(r"\b(?i:" + lead + ")" + _T_MID + r"(?i:" + flex(after) + ")")
    tail = _T_LIST if "such as" in before or "including" in before else _T_AFTER
    # a whole word: "not discuss {T}" must not read "not discussed" as "not discuss" + "ed"
    edge = r"\b" if before.strip()[-1:].isalnum() else ""
    return re.compile(r"(?i:" + flex(before) + ")" + edge + tail)


_NOUN_BY_LABEL = {
    "meeting": "meeting",
    "talks": "talks",
    "negotiations": "negotiations",
    "summit": "summit",
    "visit": "visit",
    "host": "visit",
    "phone call": "phone call",
}


#: between topics: commas, "as well as", "including", "and" before a new gerund
#: ("accelerating the transition and reducing dependence")
_TOPIC_SPLIT = re.compile(
    r",?\s+including\s+|,\s*|;\s*|\s+as well as\s+|\s+and\s+(?=[a-z]+ing\b(?! to\b))"
)


def _split_topics(chunk: Span) -> list[str]:
    """Comma-separated topics; one-word pieces ("strategic, regional, and bilateral
    issues") stay with what follows."""
    raw = [p.strip() for p in _TOPIC_SPLIT.split(chunk.text) if p.strip()]
    out: list[str] = []
    carry = ""
    for piece in raw:
        piece = re.sub(r"^(?:and|or)\s+", "", piece)
        if len(piece.split()) == 1 and piece is not raw[-1] and piece.islower():
            carry = f"{carry}{piece}, "
            continue
        out.append(carry + piece)
        carry = ""
    if carry:
        out.append(carry.rstrip(", "))
    return out


#: the longest topic kept whole; longer ones are cut at a preposition or dropped
_TOPIC_WORDS = 11
_NAMES_ONLY = re.compile(r"^(?:(?:[A-Z][\w.'’-]*|and|of|the)\s*)+$")
#: words that lead into a topic without being part of it ("through good jobs")
_TOPIC_LEADS = frozenset(
    """of on to for including with by from through via regarding concerning""".split()
)
_DURATION = re.compile(
    r"^(?:\S+ )?(?:\S+ )?(?:minutes?|hours?|days?|weeks?|months?|years?|decades?)$", re.IGNORECASE
)


def _clean_topic(text: str, stop: list[str]) -> list[str]:
    """A topic phrase without determiners, dangling words or a leading preposition;
    an overlong one in its pieces, or nothing.

    >>> _clean_topic("the commitment to preventing Russia from using energy as a weapon", [])
    ['commitment to preventing Russia from using energy as a weapon']
    >>> _clean_topic("the commitment of both governments to preventing Russia from using "
    ...     "energy supplies as a weapon", [])
    ['commitment of both governments', 'preventing Russia from using energy supplies as a weapon']
    >>> _clean_topic("in a frank and candid way", [])
    []
    """
    t = _clean_topic_text(text)
    if not t:
        return []
    words = t.split()
    while words and words[0].lower() in stop:
        words = words[1:]
    if words and words[0].lower() in _TOPIC_LEADS:
        words = words[1:]
    if words and words[0].lower() in ("in", "at") or _DURATION.match(" ".join(words)):
        return []  # "in a frank and candid way", "three weeks": a manner or a time
    return _cut_topic(words, stop)


def _cut_topic(words: list[str], stop: list[str]) -> list[str]:
    """Dangling words stripped; a phrase longer than ``_TOPIC_WORDS`` cut before its last
    preposition in reach, into a head and a tail ("defense partnership | between ...")."""
    tail = [*stop, "of", "on", "to", "for", "and", "or", "the", "in", "at", "with", "by", "from"]
    while words and (words[0].lower() in tail or not any(c.isalnum() for c in words[0])):
        words = words[1:]
    while words and (words[-1].lower() in tail or not any(c.isalnum() for c in words[-1])):
        words = words[:-1]  # (and a dash left dangling: "disclosures in the press --")
    if len(words) > 6 and [w.lower() for w in words[-3:-1]] == ["and", "the"]:
        words = words[:-3]  # "... weaponization of energy and the need": a dangling start
    if len(words) <= _TOPIC_WORDS:
        return [" ".join(words)] if words else []
    cut = next((i for i in range(3, _TOPIC_WORDS + 1) if words[i].lower() in _TOPIC_CUTS), None)
    if cut is None:
        return []
    rest = _cut_topic(words[cut + 1 :], stop)
    # the tail stays a topic when it says something ("using energy as a weapon"), not
    # when it only names the sides ("the United States and Saudi Arabia")
    rest = [r for r in rest if len(r.split()) >= 3 and not _NAMES_ONLY.match(r)]
    return _cut_topic(words[:cut], stop) + rest


def _clean_topic_text(text: str) -> str | None:
    t = re.sub(r"\s+", " ", text).strip(" ,.;:-—\"'“”")
    t = re.sub(
        r"^(?:the topic of|the issue of|issues such as|such as|issues like)\s+", "", t, flags=re.I
    )
    t = re.sub(
        r"^(?:more\s+)?(?:sensitive\s+)?(?:geopolitical\s+)?issues\s+such\s+as\s+",
        "",
        t,
        flags=re.I,
    )
    return t if len(t) >= 2 else None


def _same_topic(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return (
        a == b
        or bool(re.search(rf"\b{re.escape(b)}\b", a))
        or bool(re.search(rf"\b{re.escape(a)}\b", b))
    )


_SENT_END = frozenset({".", "!", "?"})
_ITEM_MARKS = frozenset({"-", "--", "\u2014", "\u2013", "*", "\u2022"})


def _sentences(doc: Doc) -> list[Span]:
    """The pipeline's sentences, split further where a sentence end is followed by a run
    of spaces ("June 13-14.  He met") or by a press-digest item mark ("soon. - King")."""
    out: list[Span] = []
    # tokens right after an end mark, found in one pass over the token ids
    marks = [doc.vocab.strings[m] for m in _SENT_END]
    after_end = (numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), marks)) + 1).tolist()
    for sent in doc.sents:
        start = sent.start
        first, last = bisect_left(after_end, sent.start + 1), bisect_left(after_end, sent.end - 1)
        for k in after_end[first:last]:
            tok, nxt = doc[k], doc[k + 1]
            if (tok.is_space or tok.text in _ITEM_MARKS) and nxt.text[:1].isupper():
                out.append(doc[start : k + 1])
                start = k + 1
        out.append(doc[start : sent.end])
    return out


def assemble(doc: Doc, article: Article) -> Extraction:
    """Entities and meetings of one annotated article."""
    return _Builder(doc, article).extraction()
