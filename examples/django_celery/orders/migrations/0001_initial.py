"""The orders table."""

from collections.abc import Sequence
from typing import ClassVar

from django.db import migrations, models


class Migration(migrations.Migration):
    initial: ClassVar[bool | None] = True
    dependencies: ClassVar[Sequence[tuple[str, str]]] = []
    operations = [
        migrations.CreateModel(
            name="Order",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("order_id", models.CharField(max_length=64, unique=True)),
                ("status", models.CharField(default="pending", max_length=16)),
                ("payment_intent", models.CharField(blank=True, max_length=64)),
            ],
        ),
    ]
