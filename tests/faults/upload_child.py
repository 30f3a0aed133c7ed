"""Runs one 5W report upload in its own process, as the upload page would, against the scratch
database named by DATABASE_URL. With --pause it stops after the new rows are written and before
they are committed, tells the test through a file, and waits there to be killed.

    python -m tests.faults.upload_child setup
    python -m tests.faults.upload_child upload NAME ROWS [--pause SIGNAL_FILE]
"""

import sys
import time
from pathlib import Path


def main(argv: list[str]) -> None:
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.utils import timezone

    from puente.coordination import services
    from puente.coordination.models import Report, ReportingPeriod, ReportRow
    from puente.coordination.selectors import vocabulary
    from puente.coordination.spreadsheet import read_upload
    from puente.coordination.tests.factories import filled_template, partner, row

    if argv[0] == "setup":
        from django.contrib.auth.models import Group

        from puente.accounts.roles import Role

        for role in Role:
            Group.objects.get_or_create(name=role.value)
        organisation, reporter = partner("Fundación Fronteras Abiertas", "reporta@fronteras.org")
        period = ReportingPeriod.month_of(timezone.localdate())
        services.open_report(organisation, period, reporter)
        return

    name, count = argv[1], int(argv[2])
    data = filled_template([row(activity_name=f"{name} {n}") for n in range(count)])
    if "--pause" in argv:
        signal_file = Path(argv[argv.index("--pause") + 1])
        write = ReportRow.objects.bulk_create

        def write_then_wait(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            written = write(*args, **kwargs)
            signal_file.write_text(str(len(written)))
            time.sleep(600)  # killed here, inside the transaction
            return written

        ReportRow.objects.bulk_create = write_then_wait  # type: ignore[method-assign]
    reporter = User.objects.get(username="reporta@fronteras.org")
    parsed = read_upload(data, vocabulary())
    assert not parsed.errors, parsed.errors
    services.replace_rows(Report.objects.get(), parsed.rows, reporter, f"{name}.xlsx", data)


if __name__ == "__main__":
    main(sys.argv[1:])
