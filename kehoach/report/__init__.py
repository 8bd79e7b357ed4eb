"""kehoach report: the periodic progress report (Báo cáo kết quả thực hiện) of a plan or a city.

Data flows as everywhere in kehoach: each plan is read once by the runner (``extract``, cached),
the period's cut-off is worked out (``periods``, Nghị định 09/2019/NĐ-CP Điều 12), each task is
judged by the status engine on the cut-off date (``build``) and the reporters only format the
typed result (``result``).
"""

from __future__ import annotations

from .build import build
from .extract import ReportFacts, report_job
from .periods import Period, parse_period
from .result import FIVE, FOUR, Grid, IndicatorLine, Letterhead, PlanReport, Report, TaskLine

__all__ = ["FIVE", "FOUR", "Grid", "IndicatorLine", "Letterhead", "Period", "PlanReport", "Report", "ReportFacts",
           "TaskLine", "build", "parse_period", "report_job"]
