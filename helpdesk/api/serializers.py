"""What the API reads and writes: plain JSON shapes over the helpdesk models."""

from django.contrib.auth import get_user_model
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from helpdesk.committees.models import Meeting
from helpdesk.models import Case, RequestType, TimelineEvent

User = get_user_model()

DESCRIPTION_MAX = 20_000
REPLY_MAX = 20_000
ANSWERS_MAX = 50


class PersonSerializer(serializers.Serializer):
    username = serializers.CharField(read_only=True)
    name = serializers.CharField(source="display_name", read_only=True)


class RequestTypeSerializer(serializers.ModelSerializer):
    service_area = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = RequestType
        fields = ["slug", "name", "service_area", "description", "confidential"]


class TimelineEventSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    actor = PersonSerializer(read_only=True, allow_null=True)

    class Meta:
        model = TimelineEvent
        fields = ["id", "kind", "kind_label", "created_at", "actor", "public", "body"]


class CaseSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:case-detail", lookup_field="reference"
    )
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    service_area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    request_type = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    requester = PersonSerializer(read_only=True)
    assignee = PersonSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Case
        fields = [
            "url",
            "reference",
            "subject",
            "status",
            "status_label",
            "priority",
            "service_area",
            "request_type",
            "confidential",
            "requester",
            "assignee",
            "created_at",
            "updated_at",
            "first_response_due_at",
            "resolution_due_at",
            "first_responded_at",
            "resolved_at",
        ]
        read_only_fields = fields


class CaseDetailSerializer(CaseSerializer):
    """A case with its description and the timeline events the caller may read."""

    timeline = serializers.SerializerMethodField()

    class Meta(CaseSerializer.Meta):
        fields = [*CaseSerializer.Meta.fields, "description", "timeline"]
        read_only_fields = fields

    @extend_schema_field(TimelineEventSerializer(many=True))
    def get_timeline(self, case):
        events = self.context["timeline"]
        return TimelineEventSerializer(events, many=True, context=self.context).data


class CaseReceiptSerializer(serializers.ModelSerializer):
    """The answer to a new case: its reference and where to follow it.

    Only the reference is returned, because whoever raised a confidential
    request for someone else may not see it afterwards.
    """

    url = serializers.HyperlinkedIdentityField(
        view_name="api:case-detail", lookup_field="reference"
    )

    class Meta:
        model = Case
        fields = ["reference", "url"]
        read_only_fields = fields


class CaseCreateSerializer(serializers.Serializer):
    request_type = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=RequestType.objects.all(),
        help_text="The slug of the kind of request, from /api/v1/request-types/.",
    )
    subject = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=DESCRIPTION_MAX)
    answers = serializers.DictField(
        child=serializers.CharField(max_length=2000, allow_blank=True),
        required=False,
        default=dict,
    )
    confidential = serializers.BooleanField(required=False, default=False)
    on_behalf_of = serializers.SlugRelatedField(
        slug_field="username",
        queryset=User.objects.filter(is_active=True),
        required=False,
        allow_null=True,
        help_text="Username of the member of staff the request is for, when a "
        "line manager or support staff raise it for them.",
    )

    def validate_answers(self, answers: dict) -> dict:
        if len(answers) > ANSWERS_MAX:
            raise serializers.ValidationError(f"Send at most {ANSWERS_MAX} answers.")
        return answers


class ReplySerializer(serializers.Serializer):
    body = serializers.CharField(max_length=REPLY_MAX)


class KnowledgeHitSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField()
    type = serializers.CharField(source="type_label")
    service_area = serializers.CharField()
    snippet = serializers.CharField(help_text="HTML with matches in <mark>.")


class KnowledgeResultsSerializer(serializers.Serializer):
    query = serializers.CharField()
    total = serializers.IntegerField()
    page = serializers.IntegerField()
    results = KnowledgeHitSerializer(many=True, source="hits")


class MeetingSerializer(serializers.ModelSerializer):
    committee = serializers.CharField(source="committee.name", read_only=True)
    committee_slug = serializers.CharField(source="committee.slug", read_only=True)
    venue = serializers.CharField(source="venue.name", read_only=True, allow_null=True)
    clerk = PersonSerializer(read_only=True, allow_null=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "committee",
            "committee_slug",
            "title",
            "start_at",
            "end_at",
            "venue",
            "clerk",
            "status",
            "status_label",
            "is_public",
        ]
        read_only_fields = fields
