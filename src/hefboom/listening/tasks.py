"""Background tasks of listening: training the sentiment tier on the users' labels."""

from django_tasks import task


@task()
def train_sentiment_model(user_id: int | None) -> str:
    """Train on all labels, record the model (made active when it beats the baselines); returns
    the model's directory. Too few labels raise, so that the task is marked failed."""
    from django.contrib.auth import get_user_model

    from hefboom.listening.training import train_from_labels

    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return train_from_labels(user).path
