"""Named, parameterised queries behind the JSON API.

Each function takes the :class:`~graph.store.GraphStore` and the
:class:`~graph.queries.catalog.Catalog` built from it and returns plain frozen
dataclasses. Queries are constants; user input reaches them only as bound parameters
(pyoxigraph substitutions), never formatted into query text.
"""

from graph.queries.actors import (
    ActorDetail,
    Counterpart,
    MetResult,
    Role,
    Timeline,
    actor_detail,
    actor_met,
    actor_timeline,
)
from graph.queries.catalog import ActorRecord, Catalog, TopicRecord, normalize
from graph.queries.common import ActorRef, ArticleRef, TopicRef, check_date, overlaps
from graph.queries.meetings import (
    EvidenceItem,
    MeetingDetail,
    MeetingFilters,
    MeetingPage,
    MeetingSummary,
    Report,
    list_meetings,
    meeting_detail,
    meetings_between,
)

__all__ = [
    "ActorDetail",
    "ActorRecord",
    "ActorRef",
    "ArticleRef",
    "Catalog",
    "Counterpart",
    "EvidenceItem",
    "MeetingDetail",
    "MeetingFilters",
    "MeetingPage",
    "MeetingSummary",
    "MetResult",
    "Report",
    "Role",
    "Timeline",
    "TopicRecord",
    "TopicRef",
    "actor_detail",
    "actor_met",
    "actor_timeline",
    "check_date",
    "list_meetings",
    "meeting_detail",
    "meetings_between",
    "normalize",
    "overlaps",
]
