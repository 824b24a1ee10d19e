"""System checks of listening: the ONNX sentiment directory, when one is configured."""

from django.core.checks import Error, register


@register()
def onnx_sentiment_dir(app_configs=None, **kwargs):
    from hefboom.listening import tiers

    folder = tiers.onnx_dir()
    if not folder:
        return []
    try:
        tiers.load_onnx(folder)
    except tiers.TierError as exc:
        return [Error(str(exc), id="hefboom.E020")]
    return []
