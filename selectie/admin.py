from django.contrib import admin

from .models import Ronde


@admin.register(Ronde)
class RondeAdmin(admin.ModelAdmin):
    list_display = ["naam", "jaar", "status", "opent_op", "sluit_op"]
    list_filter = ["status"]
    prepopulated_fields = {"slug": ["naam"]}
