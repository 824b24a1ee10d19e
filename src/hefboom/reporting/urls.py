from hefboom.reporting import dashboard_urls, indicator_urls, period_urls

app_name = "reporting"
urlpatterns = dashboard_urls.urlpatterns + indicator_urls.urlpatterns + period_urls.urlpatterns
