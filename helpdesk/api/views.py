"""The API's endpoints: thin views over the helpdesk selectors and services."""

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from helpdesk import selectors, services
from helpdesk.api import filters
from helpdesk.api import serializers as api
from helpdesk.api.permissions import ApiAuthMixin
from helpdesk.committees.models import Meeting
from helpdesk.models import Case, RequestType
from intranet import search as site_search

KNOWLEDGE_TYPES = ["article"]


class CaseViewSet(
    ApiAuthMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Cases the caller may see: their own, their team's, or those they work."""

    lookup_field = "reference"
    lookup_value_regex = r"[A-Za-z]{2,5}-\d{1,10}"
    filterset_class = filters.CaseFilter

    def get_queryset(self):
        # Joining only the people keeps the query quick to plan; the few
        # service areas and request types on a page come in a query each.
        return (
            selectors.case_list_visible_to(user=self.request.user)
            .select_related(None)
            .select_related("requester", "assignee")
            .prefetch_related("service_area", "request_type")
        )

    def get_serializer_class(self):
        if self.action == "create":
            return api.CaseCreateSerializer
        if self.action == "reply":
            return api.ReplySerializer
        if self.action == "retrieve":
            return api.CaseDetailSerializer
        return api.CaseSerializer

    def _case(self) -> Case:
        try:
            return selectors.case_get_visible(
                user=self.request.user, reference=self.kwargs["reference"]
            )
        except Case.DoesNotExist as exc:
            raise Http404("No case with that reference that you may see.") from exc

    def _detail(self, case: Case, *, status_code=status.HTTP_200_OK) -> Response:
        timeline = selectors.case_timeline(user=self.request.user, case=case)
        serializer = api.CaseDetailSerializer(
            case,
            context={**self.get_serializer_context(), "timeline": timeline},
        )
        return Response(serializer.data, status=status_code)

    def retrieve(self, request, *args, **kwargs):
        case = self._case()
        services.case_record_confidential_view(
            case=case, user=request.user, now=timezone.now()
        )
        return self._detail(case)

    @extend_schema(responses={201: api.CaseReceiptSerializer})
    def create(self, request, *args, **kwargs):
        serializer = api.CaseCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        on_behalf_of = data.pop("on_behalf_of", None)
        case = services.case_create(
            requester=on_behalf_of or request.user,
            raised_by=request.user if on_behalf_of else None,
            now=timezone.now(),
            **data,
        )
        receipt = api.CaseReceiptSerializer(case, context=self.get_serializer_context())
        return Response(receipt.data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=api.ReplySerializer, responses={201: api.CaseDetailSerializer}
    )
    @action(detail=True, methods=["post"], url_path="replies")
    def reply(self, request, reference=None):
        """Add a public reply as the requester or as someone who works the case."""
        case = self._case()
        serializer = api.ReplySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.case_reply(
            case=case,
            author=request.user,
            body=serializer.validated_data["body"],
            now=timezone.now(),
        )
        case.refresh_from_db()
        return self._detail(case, status_code=status.HTTP_201_CREATED)


class RequestTypeViewSet(ApiAuthMixin, viewsets.ReadOnlyModelViewSet):
    """The kinds of request a case can be raised for."""

    serializer_class = api.RequestTypeSerializer
    queryset = RequestType.objects.select_related("service_area")
    lookup_field = "slug"
    filterset_class = filters.RequestTypeFilter


class KnowledgeQuerySerializer(serializers.Serializer):
    q = serializers.CharField(max_length=200)
    page = serializers.IntegerField(min_value=1, max_value=100, default=1)


class KnowledgeSearchView(ApiAuthMixin, APIView):
    """Search the knowledge base's guidance articles."""

    @extend_schema(
        parameters=[KnowledgeQuerySerializer],
        responses={200: api.KnowledgeResultsSerializer},
    )
    def get(self, request):
        params = KnowledgeQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        results = site_search.search(
            user=request.user,
            query=params.validated_data["q"],
            filters={"type": KNOWLEDGE_TYPES},
            page=params.validated_data["page"],
        )
        return Response(api.KnowledgeResultsSerializer(results).data)


class MeetingViewSet(ApiAuthMixin, viewsets.ReadOnlyModelViewSet):
    """Committee meetings, as the committee calendar shows them to all staff."""

    serializer_class = api.MeetingSerializer
    queryset = Meeting.objects.select_related("committee", "venue", "clerk")
    filterset_class = filters.MeetingFilter
