"""The search page: ranked hits with highlighted snippets, per kind, in pages."""

from django.core.paginator import Paginator
from django.shortcuts import render

from hefboom.search.forms import SearchForm
from hefboom.search.selectors import search_records

PAGE_SIZE = 20


def search(request):
    form = SearchForm(request.GET or None)
    context = {"form": form}
    if form.is_valid() and form.cleaned_data["q"].strip():
        results = search_records(request.user, form.cleaned_data["q"], form.cleaned_data["kind"])
        query = request.GET.copy()
        query.pop("page", None)
        without_kind = query.copy()
        without_kind.pop("kind", None)
        context |= {
            "results": results,
            "page": Paginator(results, PAGE_SIZE).get_page(request.GET.get("page")),
            "query": query.urlencode(),
            "query_all_kinds": without_kind.urlencode(),
        }
    return render(request, "search/search.html", context)
