"""What a coordinator does with requests: the queue, opening one, moving it on, export, delete.

Every step that shows or changes personal details is audited in the same
transaction (bot.storage.followup). The queue puts overdue requests first, the
longest-waiting at the top, then the rest newest first.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import List, Optional

from bot.handoff.requests import write_csv
from bot.staff.clock import Clock
from bot.staff.pipeline import Pipeline
from bot.storage.followup import UNCHANGED, CaseFile, FollowUpRepository, QueueRow


@dataclass(frozen=True)
class QueueItem:
    row: QueueRow
    overdue: bool
    working_days_waited: int


class Casework:
    def __init__(self, repository: FollowUpRepository, pipeline: Pipeline, clock: Clock):
        self.repository, self.pipeline, self.clock = repository, pipeline, clock

    def queue(self, trial: Optional[str] = None, status: Optional[str] = None,
              owner: Optional[str] = None) -> List[QueueItem]:
        now = self.clock()
        items = []
        for row in self.repository.queue():
            if trial and row.trial_id != trial:
                continue
            if status == "overdue":
                pass  # filtered below, once overdue is known
            elif status and row.status != status:
                continue
            if owner == "-" and row.owner is not None or owner and owner != "-" and row.owner != owner:
                continue
            waited = self.pipeline.working_days_waited(row.created_at, now)
            items.append(QueueItem(row, self.pipeline.is_overdue(row.status, row.created_at, now), waited))
        if status == "overdue":
            items = [item for item in items if item.overdue]
        # Stable sort: overdue first (longest wait first); the rest stay newest first.
        return sorted(items, key=lambda item: (not item.overdue, -item.working_days_waited if item.overdue else 0))

    def overdue(self) -> List[QueueItem]:
        return self.queue(status="overdue")

    def open(self, reference: str, viewer: str) -> Optional[CaseFile]:
        return self.repository.case(reference, viewer, self.clock())

    def update(self, reference: str, actor: str, *, status: Optional[str] = None, reason: Optional[str] = None,
               owner=UNCHANGED, next_action_on=UNCHANGED, note: Optional[str] = None) -> Optional[List[str]]:
        return self.repository.update(
            reference, actor, self.clock(), self.pipeline, status=status, reason=reason, owner=owner,
            next_action_on=next_action_on, note=note,
        )

    def delete(self, reference: str, actor: str) -> int:
        return self.repository.delete(reference, actor, self.clock())

    def export_csv(self, actor: str, trial: Optional[str] = None, status: Optional[str] = None,
                   owner: Optional[str] = None) -> str:
        """The queue as CSV (with the queue's filters, if any), formula-guarded as
        `python -m bot.handoff.requests export` does; audited."""
        references = None
        if trial or status or owner:
            references = [item.row.reference for item in self.queue(trial, status, owner)]
        out = io.StringIO()
        self.repository.export(actor, self.clock(), lambda requests: write_csv(out, requests) or len(requests),
                               references)
        return out.getvalue()

    def today(self) -> dt.date:
        return self.pipeline.local_day(self.clock())
