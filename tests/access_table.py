"""The one table of the permission walk (tests/test_access_walk.py): which record fills each
URL argument, and what each role gets from each URL pattern.

    ok     the page (or file) is served, or the write is accepted (any 2xx, a 400 for the empty
           input the walk sends, or a redirect that is not to a login page)
    login  a redirect to the login page (the site's or the admin's)
    403    refused
    404    the record does not exist for this user (how a confidential record is denied)
    405    the method is not allowed (a GET of an endpoint that only takes POST)

Add a row for every new URL pattern; the walk fails until you do.
"""

# ---------------------------------------------------------------------------------------------
# The arguments of each pattern: kwarg -> attribute of the world (or a literal in quotes).

URL_KWARGS = {
    "strategy:dossier": {"pk": "dossier"},
    "strategy:dossier_timeline": {"pk": "dossier"},
    "listening:dossier_terms": {"pk": "dossier"},
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
    "plans:steering": {"pk": "theme"},
    "plans:moment_edit": {"pk": "moment"},
    "plans:moment_delete": {"pk": "moment"},
    "synergy:member": {"pk": "member"},
    "listening:trend": {"kind": "'dossier'", "pk": "dossier"},
    "listening:texts": {"kind": "'dossier'", "pk": "dossier"},
    "listening:export": {"kind": "'dossier'", "pk": "dossier"},
    "uptake:document": {"pk": "policy_document"},
    "uptake:document_edit": {"pk": "policy_document"},
    "uptake:output": {"pk": "output"},
    "uptake:match": {"pk": "reuse_match"},
    "uptake:match_evidence": {"pk": "reuse_match"},
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
    "listening_ingestrun": None,  # written by `hefboom ingest` only; the walk makes none
    # Third-party pages: login throttling, two-factor devices, background task results.
    "axes_accessattempt": None,
    "axes_accesslog": None,
    "axes_accessfailurelog": None,
    "otp_totp_totpdevice": None,
    "otp_static_staticdevice": None,
    "django_tasks_database_dbtaskresult": None,
}

# Admin pages whose names look like a model's but are not (they are in EXPECTED_TABLE).
ADMIN_SITE_PAGES = {"admin:password_change", "admin:auth_user_password_change"}
ADMIN_MODEL_VIEWS = ("changelist", "add", "change", "delete", "history")
MISSING = 999_999_999
ADMIN_KWARGS = {
    "admin:app_list": {"app_label": "'monitoring'"},
    "admin:view_on_site": {"content_type_id": "contact_type", "object_id": "contact"},
    "admin/(?P<url>.*)$": {"url": "'no/such/page/'"},
    "admin:auth_user_password_change": {"id": "user"},
    "admin:otp_totp_totpdevice_config": {"pk": None},
    "admin:otp_totp_totpdevice_qrcode": {"pk": None},
}


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
listening:terms                              get    login     ok     ok    ok    ok    ok
listening:terms                              post   login     403    ok    ok    ok    ok
listening:dossier_terms                      get    login     ok     ok    ok    ok    ok
listening:dossier_terms                      post   login     403    ok    ok    ok    ok
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
uptake:documents                             get    login     ok     ok    ok    ok    ok
uptake:document_upload                       get    login     403    ok    ok    ok    ok
uptake:document_upload                       post   login     403    ok    ok    ok    ok
uptake:document                              get    login     ok     ok    ok    ok    ok
uptake:document_edit                         get    login     403    ok    ok    ok    ok
uptake:document_edit                         post   login     403    ok    ok    ok    ok
uptake:output                                get    login     ok     ok    ok    ok    ok
uptake:match                                 get    login     ok     ok    ok    ok    ok
uptake:match_evidence                        get    login     405    405   405   405   405
uptake:match_evidence                        post   login     403    ok    ok    ok    ok
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
listening:home                               get    login     ok     ok    ok    ok    ok
listening:trend                              get    login     ok     ok    ok    ok    ok
listening:texts                              get    login     ok     ok    ok    ok    ok
listening:export                             get    login     ok     ok    ok    ok    ok
listening:mentions                           get    login     ok     ok    ok    ok    ok
listening:alerts                             get    login     ok     ok    ok    ok    ok
listening:alert_status                       get    login     405    405   405   405   405
listening:alert_status                       post   login     403    ok    ok    ok    ok
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
account                                      get    login     ok     ok    ok    ok    ok
account                                      post   login     ok     ok    ok    ok    ok
password_change                              get    login     ok     ok    ok    ok    ok
password_change                              post   login     ok     ok    ok    ok    ok
two_factor_setup                             get    login     ok     ok    ok    ok    ok
two_factor_setup                             post   login     ok     ok    ok    ok    ok
two_factor_verify                            get    login     ok     ok    ok    ok    ok
two_factor_verify                            post   login     ok     ok    ok    ok    ok
two_factor_backup_codes                      get    login     405    405   405   405   405
two_factor_backup_codes                      post   login     403    403   403   403   403
two_factor_off                               get    login     405    405   405   405   405
two_factor_off                               post   login     ok     ok    ok    ok    ok
favicon.ico                                  get    ok        ok     ok    ok    ok    ok
login                                        get    ok        ok     ok    ok    ok    ok
login                                        post   ok        ok     ok    ok    ok    ok
logout                                       get    login     405    405   405   405   405
logout                                       post   login     login  login login login login
set_language                                 get    ok        ok     ok    ok    ok    ok
set_language                                 post   ok        ok     ok    ok    ok    ok
listening:label_queue                        get    login     403    ok    ok    ok    ok
listening:label_item                         get    login     405    405   405   405   405
listening:label_item                         post   login     403    ok    ok    ok    ok
listening:label_model                        get    login     ok     ok    ok    ok    ok
listening:label_train                        get    login     405    405   405   405   405
listening:label_train                        post   login     403    ok    ok    ok    ok
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
admin:otp_totp_totpdevice_config             get    login     login  403   403   403   403
admin:otp_totp_totpdevice_qrcode             get    login     login  403   403   403   403
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
    "listening_ingestrun": ("nobody", "nobody"),  # read-only, for superusers
    # Only superusers (whoever runs the server) see lockouts, devices and task results here.
    "axes_accessattempt": ("nobody", "nobody"),
    "axes_accesslog": ("nobody", "nobody"),
    "axes_accessfailurelog": ("nobody", "nobody"),
    "otp_totp_totpdevice": ("nobody", "nobody"),
    "otp_static_staticdevice": ("nobody", "nobody"),
    "django_tasks_database_dbtaskresult": ("nobody", "nobody"),
}
