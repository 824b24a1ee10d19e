"""The permission walk: every URL pattern of the project, requested by every role.

`URL_KWARGS` fills each pattern's arguments with real records of the shared world
(tests/access_world.py); `EXPECTED` says, per pattern and role, what must happen:

    ok     the page (or file) is served, or the write is accepted (any 2xx or redirect that is
           not to a login page; a form with errors counts as accepted: the role may write)
    login  a redirect to the login page (the site's or the admin's)
    403    refused
    404    the record does not exist for this user (how a confidential record is denied)

A pattern missing from either table makes the test fail, so a new view cannot slip in without
someone deciding who may use it. Run with HEFBOOM_WALK_PRINT=1 to print the observed table.
"""

import os

import pytest
from access_world import ROLES, build_world
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# Patterns every visitor may use without logging in.
PUBLIC = {"login", "logout", "set_language", "health", "admin:login", "admin:logout",
          "admin:jsi18n"}


@pytest.fixture(scope="module")
def world(demo_module, django_db_blocker, tmp_path_factory):
    from django.test import override_settings

    uploads = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("uploads"))
    # Inside demo_module's transaction: rolled back with it when the module ends.
    with uploads, django_db_blocker.unblock():
        yield build_world()


def walk(resolver=None, prefix="", namespace=None):
    """(name, route, pattern) of every URL pattern; unnamed ones are named by their route."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from walk(pattern, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            name = route
            if pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, route, pattern


def all_patterns():
    return list(walk())


# ---------------------------------------------------------------------------------------------
# The arguments of each pattern: kwarg -> attribute of the world (or a literal in quotes).

URL_KWARGS = {
    "strategy:dossier": {"pk": "dossier"},
    "strategy:dossier_timeline": {"pk": "dossier"},
    "strategy:theme": {"pk": "theme"},
    "strategy:theme_timeline": {"pk": "theme"},
    "strategy:boundary_partner": {"pk": "boundary_partner"},
    "strategy:boundary_partner_timeline": {"pk": "boundary_partner"},
    "strategy:progress_marker": {"pk": "progress_marker"},
    "monitoring:contact": {"pk": "contact"},
    "monitoring:contact_edit": {"pk": "contact"},
    "monitoring:activity": {"pk": "activity"},
    "monitoring:activity_edit": {"pk": "activity"},
    "monitoring:output": {"pk": "output"},
    "monitoring:output_edit": {"pk": "output"},
    "monitoring:outcome": {"pk": "outcome"},
    "monitoring:outcome_edit": {"pk": "outcome"},
    "monitoring:delete": {"kind": "'contact'", "pk": "contact"},
    "monitoring:quick": {"kind": "'contact'"},
    "monitoring:restore": {"kind": "'contact'", "pk": "binned"},
    "monitoring:claim_create": {"pk": "outcome"},
    "monitoring:claim": {"pk": "claim"},
    "monitoring:claim_edit": {"pk": "claim"},
    "monitoring:claim_delete": {"pk": "claim"},
    "monitoring:claim_evidence_create": {"pk": "claim"},
    "monitoring:claim_evidence_edit": {"pk": "claim", "item_pk": "claim_item"},
    "monitoring:claim_evidence_remove": {"pk": "claim", "item_pk": "claim_item"},
    "monitoring:evidence_add": {"pk": "outcome"},
    "monitoring:evidence_edit": {"pk": "evidence"},
    "monitoring:evidence_file": {"pk": "evidence"},
    "monitoring:contribution_add": {"pk": "outcome"},
    "monitoring:contribution_to_outcome": {"kind": "'contact'", "pk": "contact"},
    "monitoring:contribution_edit": {"pk": "contribution"},
    "monitoring:contribution_remove": {"pk": "contribution"},
    "monitoring:follow_up_create": {"pk": "contact"},
    "monitoring:follow_up_done": {"pk": "follow_up"},
    "monitoring:follow_up_reopen": {"pk": "follow_up"},
    "monitoring:follow_up_change": {"pk": "follow_up"},
    "actors:person": {"pk": "person"},
    "actors:role_add": {"pk": "person"},
    "actors:person_merge": {"pk": "person"},
    "actors:role_end": {"pk": "person_role"},
    "actors:organisation": {"pk": "organisation"},
    "actors:membership_add": {"pk": "member"},
    "actors:membership_edit": {"pk": "membership"},
    "actors:membership_end": {"pk": "membership"},
    "actors:government": {"pk": "government"},
    "learning:ladder": {"pk": "boundary_partner"},
    "learning:journal_open": {"pk": "boundary_partner"},
    "learning:journal": {"pk": "boundary_partner", "start": "journal_start",
                         "end": "journal_end"},
    "learning:journal_edit": {"pk": "boundary_partner", "start": "journal_start",
                              "end": "journal_end"},
    "learning:narrative": {"pk": "narrative"},
    "learning:narrative_edit": {"pk": "narrative"},
    "learning:narrative_history": {"pk": "narrative"},
    "learning:record_options": {"kind": "'contact'"},
    "evaluation:matrix": {"pk": "evaluation"},
    "evaluation:evidence_pack": {"pk": "evaluation"},
    "evaluation:tag": {"kind": "'contact'", "pk": "contact"},
    "evaluation:untag": {"pk": "tag"},
    "reporting:dashboard": {"programme_id": "programme", "year": "year"},
    "reporting:download": {"programme_id": "programme", "year": "year", "fmt": "'xlsx'"},
    "reporting:indicators": {"programme_id": "programme"},
    "reporting:indicator": {"pk": "indicator"},
    "reporting:indicator_edit": {"pk": "indicator"},
    "reporting:indicator_values": {"pk": "indicator", "year": "year"},
    "reporting:period": {"programme_id": "programme", "year": "year"},
    "reporting:period_step": {"programme_id": "programme", "year": "year", "action": "'submit'"},
    "network:person_briefing": {"pk": "person"},
    "network:organisation_briefing": {"pk": "organisation"},
    "network:dossier": {"pk": "dossier"},
    "network:handover": {"user_pk": "user"},
    "privacy:person": {"pk": "person"},
    "privacy:export_json": {"pk": "person"},
    "privacy:export_html": {"pk": "person"},
    "privacy:person_mentions": {"pk": "person"},
    "privacy:erase": {"pk": "person"},
    "privacy:retention_decide": {"pk": "person"},
    "plans:dossier": {"pk": "dossier"},
    "plans:plan_create": {"pk": "dossier"},
    "plans:plan": {"pk": "plan"},
    "plans:plan_edit": {"pk": "plan"},
    "plans:plan_copy": {"pk": "plan"},
    "plans:history": {"pk": "plan"},
    "plans:objective_create": {"pk": "plan"},
    "plans:objective_edit": {"pk": "objective"},
    "plans:step_create": {"pk": "plan"},
    "plans:step": {"pk": "step"},
    "plans:step_edit": {"pk": "step"},
    "plans:step_delete": {"pk": "step"},
    "plans:step_link": {"pk": "step"},
    "plans:step_unlink": {"pk": "step"},
    "plans:steering": {"pk": "plan"},
    "plans:moment_edit": {"pk": "moment"},
    "plans:moment_delete": {"pk": "moment"},
    "synergy:member": {"pk": "member"},
    "excel_import:mapping": {"pk": "excel_import"},
    "excel_import:check": {"pk": "excel_import"},
    "excel_import:result": {"pk": "excel_import"},
}

# Admin pages: the record each model's change, history and delete pages open.
ADMIN_OBJECTS = {
    "auth_group": None,  # no groups are used; the pages answer for a missing one
    "accounts_user": "user",
    "actors_person": "person",
    "actors_organisation": "organisation",
    "actors_government": "government",
    "actors_personmerge": None,
    "strategy_programme": "programme",
    "strategy_theme": "theme",
    "strategy_dossier": "dossier",
    "strategy_changeoutcome": "change_outcome",
    "strategy_assumption": "assumption",
    "strategy_boundarypartner": "boundary_partner",
    "strategy_progressmarker": "progress_marker",
    "strategy_service": "service",
    "monitoring_contact": "contact",
    "monitoring_activity": "activity",
    "monitoring_output": "output",
    "monitoring_outcome": "outcome",
    "monitoring_progressmarkerobservation": "observation",
    "monitoring_contributionclaim": "claim",
    "monitoring_followup": "follow_up",
    "evaluation_evaluation": "evaluation",
    "evaluation_evaluationquestion": "evaluation_question",
    "plans_dossierplan": "plan",
    "plans_planstep": "step",
    "plans_moment": "moment",
    "excel_import_excelmapping": None,
    "excel_import_excelimport": "excel_import",
}

# Admin pages whose names look like a model's but are not (they are in EXPECTED_TABLE).
ADMIN_SITE_PAGES = {"admin:password_change", "admin:auth_user_password_change"}
ADMIN_MODEL_VIEWS = ("changelist", "add", "change", "delete", "history")
MISSING = 999_999_999


def admin_model(name, route):
    """The `app_model` an admin pattern belongs to, or None for the site-wide admin pages."""
    if name in ADMIN_SITE_PAGES:
        return None
    if name.startswith("admin:"):
        base, _, view = name[len("admin:"):].rpartition("_")
        return base if view in ADMIN_MODEL_VIEWS else None
    parts = route.split("/")
    if route.startswith("admin/") and len(parts) > 3 and "<path:object_id>" in route:
        return f"{parts[1]}_{parts[2]}"
    return None


ADMIN_KWARGS = {
    "admin:app_list": {"app_label": "'monitoring'"},
    "admin:view_on_site": {"content_type_id": "contact_type", "object_id": "contact"},
    "admin/(?P<url>.*)$": {"url": "'no/such/page/'"},
    "admin:auth_user_password_change": {"id": "user"},
}


def kwargs_for(name, route, pattern, world):
    """The URL arguments of a pattern, or an AssertionError naming what to add."""
    wanted = set(pattern.pattern.regex.groupindex) - set(pattern.default_args)
    if not wanted:
        return {}
    model = admin_model(name, route)
    if model is not None and wanted == {"object_id"}:
        if model not in ADMIN_OBJECTS:
            raise AssertionError(f"{name}: add the admin model {model!r} to ADMIN_OBJECTS")
        table = {"object_id": ADMIN_OBJECTS[model]}
    else:
        table = URL_KWARGS.get(name) or ADMIN_KWARGS.get(name)
        if table is None:
            raise AssertionError(f"{name} ({route}): add its arguments {sorted(wanted)} to "
                                 "URL_KWARGS in tests/test_access_walk.py")
    values = {}
    for kwarg in wanted:
        source = table.get(kwarg, MISSING)
        if source is None or source == MISSING:
            value = MISSING
        elif source.startswith("'"):
            value = source.strip("'")
        else:
            value = getattr(world, source)
            value = getattr(value, "pk", value)
        values[kwarg] = value
    return values


def url_for(name, route, pattern, world):
    kwargs = kwargs_for(name, route, pattern, world)
    if ":" in name or name in PUBLIC or not route.startswith("admin/"):
        try:
            return reverse(name, kwargs=kwargs or None)
        except Exception:  # unnamed patterns (privacy/) are reached by their route
            pass
    path = "/" + route
    for key, value in kwargs.items():
        path = path.replace(f"<int:{key}>", str(value)).replace(f"<path:{key}>", str(value))
    return path.replace("(?P<url>.*)$", str(kwargs.get("url", "")))


def outcome_of(response):
    status = response.status_code
    if status in (301, 302):
        location = response.headers.get("Location", "")
        login_pages = (reverse(settings.LOGIN_URL), reverse("admin:login"))
        return "login" if location.split("?")[0] in login_pages else "ok"
    if status == 400:  # the role may write; the (empty) input was refused
        return "ok"
    if status in (403, 404, 405, 500):
        return str(status)
    return "ok" if status < 400 else str(status)


def request_as(client, method, url):
    """One request inside a savepoint that is rolled back: the world stays as it was."""
    with transaction.atomic():
        response = getattr(client, method)(url)
        transaction.set_rollback(True)
    return response


def client_for(role, world):
    client = Client(HTTP_ACCEPT_LANGUAGE="en", raise_request_exception=False)
    if role != "anonymous":
        client.force_login(world.users[role])
    return client





# ---------------------------------------------------------------------------------------------
# What each role gets. Policy officers are Alice and Bob (Alice made the Excel import and is the
# colleague of the hand-over report; Bob is neither). Only patterns that change something have
# a `post` row; a `get` of a POST-only endpoint answers 405 and does nothing.

EXPECTED_TABLE = """
pattern                                      method anonymous victor alice bob   mia   carol
home                                         get    login     ok     ok    ok    ok    ok
strategy:dossiers                            get    login     ok     ok    ok    ok    ok
strategy:dossier                             get    login     ok     ok    ok    ok    ok
strategy:dossier_timeline                    get    login     ok     ok    ok    ok    ok
strategy:theme                               get    login     ok     ok    ok    ok    ok
strategy:theme_timeline                      get    login     ok     ok    ok    ok    ok
strategy:boundary_partner                    get    login     ok     ok    ok    ok    ok
strategy:boundary_partner_timeline           get    login     ok     ok    ok    ok    ok
strategy:dossier_options                     get    login     ok     ok    ok    ok    ok
strategy:progress_marker                     get    login     ok     ok    ok    ok    ok
monitoring:contacts                          get    login     ok     ok    ok    ok    ok
monitoring:contact_create                    get    login     403    ok    ok    ok    ok
monitoring:contact_create                    post   login     403    ok    ok    ok    ok
monitoring:contact                           get    login     ok     ok    ok    ok    ok
monitoring:contact_edit                      get    login     403    ok    ok    ok    ok
monitoring:contact_edit                      post   login     403    ok    ok    ok    ok
monitoring:activities                        get    login     ok     ok    ok    ok    ok
monitoring:activity_create                   get    login     403    ok    ok    ok    ok
monitoring:activity_create                   post   login     403    ok    ok    ok    ok
monitoring:activity                          get    login     ok     ok    ok    ok    ok
monitoring:activity_edit                     get    login     403    ok    ok    ok    ok
monitoring:activity_edit                     post   login     403    ok    ok    ok    ok
monitoring:outputs                           get    login     ok     ok    ok    ok    ok
monitoring:output_create                     get    login     403    ok    ok    ok    ok
monitoring:output_create                     post   login     403    ok    ok    ok    ok
monitoring:output                            get    login     ok     ok    ok    ok    ok
monitoring:output_edit                       get    login     403    ok    ok    ok    ok
monitoring:output_edit                       post   login     403    ok    ok    ok    ok
monitoring:outcomes                          get    login     ok     ok    ok    ok    ok
monitoring:outcome_create                    get    login     403    ok    ok    ok    ok
monitoring:outcome_create                    post   login     403    ok    ok    ok    ok
monitoring:outcome                           get    login     ok     ok    ok    ok    ok
monitoring:outcome_edit                      get    login     403    ok    ok    ok    ok
monitoring:outcome_edit                      post   login     403    ok    ok    ok    ok
monitoring:delete                            get    login     403    ok    ok    ok    ok
monitoring:delete                            post   login     403    ok    ok    ok    ok
monitoring:bin                               get    login     ok     ok    ok    ok    ok
monitoring:quick                             get    login     403    ok    ok    ok    ok
monitoring:quick                             post   login     403    ok    ok    ok    ok
monitoring:restore                           get    login     405    405   405   405   405
monitoring:restore                           post   login     403    403   403   ok    ok
monitoring:claims                            get    login     ok     ok    ok    ok    ok
monitoring:claim_create                      get    login     403    ok    ok    ok    ok
monitoring:claim_create                      post   login     403    ok    ok    ok    ok
monitoring:claim                             get    login     ok     ok    ok    ok    ok
monitoring:claim_edit                        get    login     403    ok    ok    ok    ok
monitoring:claim_edit                        post   login     403    ok    ok    ok    ok
monitoring:claim_delete                      get    login     403    ok    ok    ok    ok
monitoring:claim_delete                      post   login     403    ok    ok    ok    ok
monitoring:claim_evidence_create             get    login     403    ok    ok    ok    ok
monitoring:claim_evidence_create             post   login     403    ok    ok    ok    ok
monitoring:claim_evidence_edit               get    login     403    ok    ok    ok    ok
monitoring:claim_evidence_edit               post   login     403    ok    ok    ok    ok
monitoring:claim_evidence_remove             get    login     405    405   405   405   405
monitoring:claim_evidence_remove             post   login     403    ok    ok    ok    ok
monitoring:evidence_add                      get    login     403    ok    ok    ok    ok
monitoring:evidence_add                      post   login     403    ok    ok    ok    ok
monitoring:evidence_edit                     get    login     403    ok    ok    ok    ok
monitoring:evidence_edit                     post   login     403    ok    ok    ok    ok
monitoring:evidence_file                     get    login     ok     ok    ok    ok    ok
monitoring:contribution_add                  get    login     403    ok    ok    ok    ok
monitoring:contribution_add                  post   login     403    ok    ok    ok    ok
monitoring:contribution_to_outcome           get    login     403    ok    ok    ok    ok
monitoring:contribution_edit                 get    login     403    ok    ok    ok    ok
monitoring:contribution_edit                 post   login     403    ok    ok    ok    ok
monitoring:contribution_remove               get    login     403    ok    ok    ok    ok
monitoring:contribution_remove               post   login     403    ok    ok    ok    ok
monitoring:contact_options                   get    login     ok     ok    ok    ok    ok
monitoring:output_options                    get    login     ok     ok    ok    ok    ok
monitoring:activity_options                  get    login     ok     ok    ok    ok    ok
monitoring:outcome_options                   get    login     ok     ok    ok    ok    ok
monitoring:follow_ups                        get    login     ok     ok    ok    ok    ok
monitoring:follow_up_digest                  get    login     405    405   405   405   405
monitoring:follow_up_digest                  post   login     ok     ok    ok    ok    ok
monitoring:my_service                        get    login     405    405   405   405   405
monitoring:my_service                        post   login     ok     ok    ok    ok    ok
monitoring:follow_up_create                  get    login     403    ok    ok    ok    ok
monitoring:follow_up_create                  post   login     403    ok    ok    ok    ok
monitoring:follow_up_done                    get    login     405    405   405   405   405
monitoring:follow_up_done                    post   login     403    ok    ok    ok    ok
monitoring:follow_up_reopen                  get    login     405    405   405   405   405
monitoring:follow_up_reopen                  post   login     403    ok    ok    ok    ok
monitoring:follow_up_change                  get    login     403    ok    ok    ok    ok
monitoring:follow_up_change                  post   login     403    ok    ok    ok    ok
actors:persons                               get    login     ok     ok    ok    ok    ok
actors:person                                get    login     ok     ok    ok    ok    ok
actors:role_add                              get    login     403    ok    ok    ok    ok
actors:role_add                              post   login     403    ok    ok    ok    ok
actors:person_merge                          get    login     403    ok    ok    ok    ok
actors:person_merge                          post   login     403    ok    ok    ok    ok
actors:role_end                              get    login     405    405   405   405   405
actors:role_end                              post   login     403    ok    ok    ok    ok
actors:organisations                         get    login     ok     ok    ok    ok    ok
actors:organisation                          get    login     ok     ok    ok    ok    ok
actors:membership_add                        get    login     403    403   403   ok    ok
actors:membership_add                        post   login     403    403   403   ok    ok
actors:membership_edit                       get    login     403    403   403   ok    ok
actors:membership_edit                       post   login     403    403   403   ok    ok
actors:membership_end                        get    login     405    405   405   405   405
actors:membership_end                        post   login     403    403   403   ok    ok
actors:governments                           get    login     ok     ok    ok    ok    ok
actors:government                            get    login     ok     ok    ok    ok    ok
actors:person_options                        get    login     ok     ok    ok    ok    ok
actors:organisation_options                  get    login     ok     ok    ok    ok    ok
actors:partner_options                       get    login     ok     ok    ok    ok    ok
actors:person_create                         get    login     405    405   405   405   405
actors:person_create                         post   login     403    ok    ok    ok    ok
actors:organisation_create                   get    login     405    405   405   405   405
actors:organisation_create                   post   login     403    ok    ok    ok    ok
learning:partners                            get    login     ok     ok    ok    ok    ok
learning:ladder                              get    login     ok     ok    ok    ok    ok
learning:journal_open                        get    login     ok     ok    ok    ok    ok
learning:journal                             get    login     ok     ok    ok    ok    ok
learning:journal_edit                        get    login     403    ok    ok    ok    ok
learning:journal_edit                        post   login     403    ok    ok    ok    ok
learning:narratives                          get    login     ok     ok    ok    ok    ok
learning:narrative_create                    get    login     403    ok    ok    ok    ok
learning:narrative_create                    post   login     403    ok    ok    ok    ok
learning:narrative                           get    login     ok     ok    ok    ok    ok
learning:narrative_edit                      get    login     403    ok    ok    ok    ok
learning:narrative_edit                      post   login     403    ok    ok    ok    ok
learning:narrative_history                   get    login     ok     ok    ok    ok    ok
learning:reference_options                   get    login     ok     ok    ok    ok    ok
learning:record_options                      get    login     ok     ok    ok    ok    ok
search:search                                get    login     ok     ok    ok    ok    ok
evaluation:evaluations                       get    login     ok     ok    ok    ok    ok
evaluation:completeness                      get    login     ok     ok    ok    ok    ok
evaluation:matrix                            get    login     ok     ok    ok    ok    ok
evaluation:evidence_pack                     get    login     ok     ok    ok    ok    ok
evaluation:tag                               get    login     405    405   405   405   405
evaluation:tag                               post   login     403    404   404   404   404
evaluation:untag                             get    login     405    405   405   405   405
evaluation:untag                             post   login     403    404   404   404   404
reporting:dashboard_home                     get    login     ok     ok    ok    ok    ok
reporting:dashboard                          get    login     ok     ok    ok    ok    ok
reporting:download                           get    login     ok     ok    ok    ok    ok
reporting:indicators                         get    login     ok     ok    ok    ok    ok
reporting:indicator_create                   get    login     403    403   403   ok    ok
reporting:indicator_create                   post   login     403    403   403   ok    ok
reporting:indicator                          get    login     ok     ok    ok    ok    ok
reporting:indicator_edit                     get    login     403    403   403   ok    ok
reporting:indicator_edit                     post   login     403    403   403   ok    ok
reporting:indicator_values                   get    login     403    403   403   ok    ok
reporting:indicator_values                   post   login     403    403   403   ok    ok
reporting:period                             get    login     ok     ok    ok    ok    ok
reporting:period_step                        get    login     405    405   405   405   405
reporting:period_step                        post   login     403    ok    ok    ok    ok
coverage:dashboard                           get    login     ok     ok    ok    ok    ok
coverage:spectrum                            get    login     403    403   403   ok    ok
coverage:spectrum                            post   login     403    403   403   ok    ok
network:overview                             get    login     ok     ok    ok    ok    ok
network:person_briefing                      get    login     ok     ok    ok    ok    ok
network:organisation_briefing                get    login     ok     ok    ok    ok    ok
network:dossier                              get    login     ok     ok    ok    ok    ok
network:handover                             get    login     403    ok    403   ok    ok
privacy/                                     get    login     ok     ok    ok    ok    ok
privacy:register                             get    login     ok     ok    ok    ok    ok
privacy:person                               get    login     403    403   403   403   ok
privacy:export_json                          get    login     403    403   403   403   ok
privacy:export_html                          get    login     403    403   403   403   ok
privacy:person_mentions                      get    login     403    403   403   403   ok
privacy:erase                                get    login     405    405   405   405   405
privacy:erase                                post   login     403    403   403   403   ok
privacy:retention                            get    login     403    403   403   ok    ok
privacy:retention                            post   login     403    403   403   ok    ok
privacy:retention_decide                     get    login     405    405   405   405   405
privacy:retention_decide                     post   login     403    403   403   403   ok
privacy:audit                                get    login     403    403   403   403   ok
plans:index                                  get    login     ok     ok    ok    ok    ok
plans:dossier                                get    login     ok     ok    ok    ok    ok
plans:plan_create                            get    login     403    ok    ok    ok    ok
plans:plan_create                            post   login     403    ok    ok    ok    ok
plans:plan                                   get    login     ok     ok    ok    ok    ok
plans:plan_edit                              get    login     403    ok    ok    ok    ok
plans:plan_edit                              post   login     403    ok    ok    ok    ok
plans:plan_copy                              get    login     403    ok    ok    ok    ok
plans:plan_copy                              post   login     403    ok    ok    ok    ok
plans:history                                get    login     ok     ok    ok    ok    ok
plans:objective_create                       get    login     403    ok    ok    ok    ok
plans:objective_create                       post   login     403    ok    ok    ok    ok
plans:objective_edit                         get    login     403    ok    ok    ok    ok
plans:objective_edit                         post   login     403    ok    ok    ok    ok
plans:step_create                            get    login     403    ok    ok    ok    ok
plans:step_create                            post   login     403    ok    ok    ok    ok
plans:step                                   get    login     ok     ok    ok    ok    ok
plans:step_edit                              get    login     403    ok    ok    ok    ok
plans:step_edit                              post   login     403    ok    ok    ok    ok
plans:step_delete                            get    login     403    ok    ok    ok    ok
plans:step_delete                            post   login     403    ok    ok    ok    ok
plans:step_link                              get    login     405    405   405   405   405
plans:step_link                              post   login     403    ok    ok    ok    ok
plans:step_unlink                            get    login     405    405   405   405   405
plans:step_unlink                            post   login     403    ok    ok    ok    ok
plans:steering_index                         get    login     ok     ok    ok    ok    ok
plans:steering                               get    login     ok     ok    ok    ok    ok
plans:moments                                get    login     ok     ok    ok    ok    ok
plans:moment_create                          get    login     403    ok    ok    ok    ok
plans:moment_create                          post   login     403    ok    ok    ok    ok
plans:moment_edit                            get    login     403    ok    ok    ok    ok
plans:moment_edit                            post   login     403    ok    ok    ok    ok
plans:moment_delete                          get    login     403    ok    ok    ok    ok
plans:moment_delete                          post   login     403    ok    ok    ok    ok
synergy:overview                             get    login     ok     ok    ok    ok    ok
synergy:members                              get    login     ok     ok    ok    ok    ok
synergy:member_export                        get    login     ok     ok    ok    ok    ok
synergy:member                               get    login     ok     ok    ok    ok    ok
excel_import:upload                          get    login     403    ok    ok    ok    ok
excel_import:upload                          post   login     403    ok    ok    ok    ok
excel_import:mapping                         get    login     403    ok    404   404   ok
excel_import:mapping                         post   login     403    ok    404   404   ok
excel_import:check                           get    login     403    ok    404   404   ok
excel_import:check                           post   login     403    ok    404   404   ok
excel_import:result                          get    login     403    ok    404   404   ok
calendar_import:review                       get    login     403    ok    ok    ok    ok
calendar_import:upload                       get    login     405    405   405   405   405
calendar_import:upload                       post   login     403    ok    ok    ok    ok
calendar_import:decide                       get    login     405    405   405   405   405
calendar_import:decide                       post   login     403    ok    ok    ok    ok
login                                        get    ok        ok     ok    ok    ok    ok
login                                        post   ok        ok     ok    ok    ok    ok
logout                                       get    login     405    405   405   405   405
logout                                       post   login     login  login login login login
set_language                                 get    ok        ok     ok    ok    ok    ok
set_language                                 post   ok        ok     ok    ok    ok    ok
admin:index                                  get    login     login  ok    ok    ok    ok
admin:login                                  get    ok        ok     ok    ok    ok    ok
admin:login                                  post   ok        ok     ok    ok    ok    ok
admin:auth_user_password_change              get    login     login  403   403   403   ok
admin:auth_user_password_change              post   login     login  403   403   403   ok
admin:logout                                 get    login     ok     405   405   405   405
admin:logout                                 post   login     ok     login login login login
admin:password_change                        get    login     login  ok    ok    ok    ok
admin:password_change                        post   login     login  ok    ok    ok    ok
admin:password_change_done                   get    login     login  ok    ok    ok    ok
admin:password_change_done                   post   login     login  405   405   405   405
admin:autocomplete                           get    login     login  403   403   403   403
admin:autocomplete                           post   login     login  405   405   405   405
admin:jsi18n                                 get    login     login  ok    ok    ok    ok
admin:jsi18n                                 post   login     login  405   405   405   405
admin:view_on_site                           get    login     login  ok    ok    ok    ok
admin:app_list                               get    login     login  ok    ok    ok    ok
admin/(?P<url>.*)$                           get    login     login  404   404   404   404
"""

# Admin pages per model: who may read (list, change page as a view, history) and who may write
# (add, delete). Admin views are refused with 403 to staff who lack the right; viewers are not
# staff and, like visitors, are sent to the admin login.
WHO = {
    "staff": {"alice", "bob", "mia", "carol"},
    "records": {"alice", "bob", "mia", "carol"},
    "strategy": {"mia", "carol"},
    "admin": {"carol"},
    "nobody": set(),
}
ADMIN_ACCESS = {  # model: (read, write)
    "auth_group": ("nobody", "nobody"),
    "accounts_user": ("admin", "admin"),
    "actors_person": ("staff", "records"),
    "actors_organisation": ("staff", "records"),
    "actors_government": ("staff", "records"),
    "actors_personmerge": ("staff", "nobody"),
    "strategy_programme": ("staff", "strategy"),
    "strategy_theme": ("staff", "strategy"),
    "strategy_dossier": ("staff", "strategy"),
    "strategy_changeoutcome": ("staff", "strategy"),
    "strategy_assumption": ("staff", "strategy"),
    "strategy_boundarypartner": ("staff", "strategy"),
    "strategy_progressmarker": ("staff", "strategy"),
    "strategy_service": ("staff", "strategy"),
    "monitoring_contact": ("staff", "records"),
    "monitoring_activity": ("staff", "records"),
    "monitoring_output": ("staff", "records"),
    "monitoring_outcome": ("staff", "records"),
    "monitoring_progressmarkerobservation": ("staff", "records"),
    "monitoring_contributionclaim": ("staff", "nobody"),
    "monitoring_followup": ("staff", "nobody"),
    "evaluation_evaluation": ("staff", "strategy"),
    "evaluation_evaluationquestion": ("staff", "strategy"),
    "plans_dossierplan": ("staff", "records"),
    "plans_planstep": ("staff", "records"),
    "plans_moment": ("staff", "records"),
    "excel_import_excelmapping": ("nobody", "nobody"),
    "excel_import_excelimport": ("nobody", "nobody"),
}


def parse_table(text):
    lines = [line.split() for line in text.strip().splitlines()]
    header, rows = lines[0], lines[1:]
    roles = header[2:]
    assert tuple(roles) == ROLES, roles
    return {(row[0], row[1]): dict(zip(roles, row[2:], strict=True)) for row in rows}


EXPECTED = parse_table(EXPECTED_TABLE)


def admin_expected(model, view, role):
    if role in ("anonymous", "victor"):
        return "login"
    read, write = ADMIN_ACCESS[model]
    if view == "redirect":  # admin/<app>/<model>/<id>/ only redirects to the change page
        return "ok" if role in WHO["staff"] else "403"
    group = write if view in ("add", "delete") else read
    return "ok" if role in WHO[group] else "403"


def admin_history_args(model, world):
    """(object id, version id) for simple_history's version page of the model's record."""
    source = ADMIN_OBJECTS.get(model)
    if source is None:
        return None
    record = getattr(world, source)
    version = record.history.order_by("-history_id").first()
    return None if version is None else (record.pk, version.history_id)


def requests_for(world):
    """(name, method, url, expected per role) for every pattern; fails for unknown patterns."""
    plan, missing = [], []
    for name, route, pattern in all_patterns():
        model = admin_model(name, route) if route.startswith("admin/") else None
        if route.startswith("admin/") and "simple_history" in name:
            model = name[len("admin:"):-len("_simple_history")]
            if model not in ADMIN_ACCESS:
                missing.append(f"{name}: add {model!r} to ADMIN_ACCESS and ADMIN_OBJECTS")
                continue
            args = admin_history_args(model, world)
            if args is not None:
                plan.append((name, "get", reverse(name, args=args),
                             {r: admin_expected(model, "history", r) for r in ROLES}))
            continue
        if model is not None:
            if model not in ADMIN_ACCESS or model not in ADMIN_OBJECTS:
                missing.append(f"{name}: add {model!r} to ADMIN_ACCESS and ADMIN_OBJECTS")
                continue
            view = name.rpartition("_")[2] if name.startswith("admin:") else "redirect"
            if ADMIN_OBJECTS[model] is None and view not in ("changelist", "add"):
                continue  # no such record to open
            url = url_for(name, route, pattern, world)
            plan.append((name, "get", url, {r: admin_expected(model, view, r) for r in ROLES}))
            continue
        try:
            url = url_for(name, route, pattern, world)
        except AssertionError as exc:
            missing.append(str(exc))
            continue
        if (name, "get") not in EXPECTED:
            missing.append(f"{name} ({route}): add a `get` row (and a `post` row if it changes "
                           "anything) to EXPECTED_TABLE in tests/test_access_walk.py")
            continue
        for method in ("get", "post"):
            if (name, method) in EXPECTED:
                plan.append((name, method, url, EXPECTED[name, method]))
    assert not missing, "Patterns the walk does not know:\n" + "\n".join(missing)
    known = {name for name, _route, _pattern in all_patterns()}
    stale = sorted({name for name, _method in EXPECTED} - known)
    assert not stale, f"EXPECTED_TABLE names patterns that no longer exist: {stale}"
    return plan


def observe(role, world, plan):
    client = client_for(role, world)
    seen = []
    for name, method, url, expected in plan:
        outcome = outcome_of(request_as(client, method, url))
        seen.append((name, method, url, expected[role], outcome))
        if name in ("logout", "admin:logout") and method == "post":
            client = client_for(role, world)
    return seen


@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_each_role_as_the_table_says(role, world, db):
    plan = requests_for(world)
    seen = observe(role, world, plan)
    if os.environ.get("HEFBOOM_WALK_PRINT"):
        for name, method, url, _expected, outcome in seen:
            print(f"{role:9} {name:50} {method:4} {outcome:6} {url}")
    wrong = [f"{method.upper():4} {url} ({name}): expected {expected}, got {outcome}"
             for name, method, url, expected, outcome in seen if outcome != expected]
    assert not wrong, f"{len(wrong)} answers differ for {role}:\n" + "\n".join(wrong)
    assert len(seen) > 300  # the walk really walked


def test_anonymous_visitors_are_sent_to_log_in_everywhere_but_the_public_pages():
    for (name, method), row in EXPECTED.items():
        if name not in PUBLIC:
            assert row["anonymous"] == "login", (name, method)
