import pytest

from inspector_app.core.uscc import check_uscc, normalize_uscc, uscc_check_char


@pytest.mark.parametrize("code", ["914403001922038216", "9144030071526726XG", "91330100799655058B"])
def test_valid_examples_from_the_domain_brief(code):
    assert check_uscc(code).ok


def test_wrong_check_character_is_reported():
    result = check_uscc("91330100799655058C")
    assert not result.ok and result.problem == "checksum"


def test_lower_case_and_spaces_are_normalised_not_rejected():
    result = check_uscc(" 9144 0300 7152 6726xg ")
    assert result.ok and result.normalized == "9144030071526726XG"


def test_full_width_characters_are_normalised():
    assert normalize_uscc("９１４４０３００１９２２０３８２１６") == "914403001922038216"


@pytest.mark.parametrize(
    "code, problem",
    [("12345", "length"), ("9144030071526726XGX", "length"), ("91440300715267260I", "charset"),
     ("9144030071526726ZG", "charset")],
)
def test_bad_shapes(code, problem):
    assert check_uscc(code).problem == problem


def test_check_character_maps_31_to_zero():
    # every generated code validates, whatever its check value
    import random

    rng = random.Random(5)
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    for _ in range(500):
        body = "".join(rng.choice(alphabet) for _ in range(17))
        assert check_uscc(body + uscc_check_char(body)).ok
