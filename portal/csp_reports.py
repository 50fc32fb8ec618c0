"""Browsers report what the Content-Security-Policy blocked (its `report-uri`).

Each report becomes one WARNING log line, so a template that slips in an inline
script or style shows up in the logs before a visitor notices a broken page.
"""

import json
import logging

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

logger = logging.getLogger("portal.csp")

# A report is a few hundred bytes; anything much larger is not one.
MAX_REPORT_BYTES = 16 * 1024


@csrf_exempt  # browsers send reports without cookies or tokens
@require_POST
def csp_report(request: HttpRequest) -> HttpResponse:
    try:
        too_large = int(request.META.get("CONTENT_LENGTH") or 0) > MAX_REPORT_BYTES
    except ValueError:
        return HttpResponse(status=400)
    if too_large:
        return HttpResponse(status=413)
    try:
        report = json.loads(request.body).get("csp-report", {})
    except (ValueError, AttributeError):
        return HttpResponse(status=400)
    if not isinstance(report, dict):
        return HttpResponse(status=400)
    logger.warning(
        "CSP blocked %s on %s (%s)",
        str(report.get("blocked-uri", "?"))[:200],
        str(report.get("document-uri", "?"))[:200],
        str(report.get("violated-directive", "?"))[:100],
        extra={
            "blocked_uri": str(report.get("blocked-uri", ""))[:500],
            "document_uri": str(report.get("document-uri", ""))[:500],
            "violated_directive": str(report.get("violated-directive", ""))[:200],
            "source_file": str(report.get("source-file", ""))[:500],
            "line_number": str(report.get("line-number", "")),
        },
    )
    return HttpResponse(status=204)
