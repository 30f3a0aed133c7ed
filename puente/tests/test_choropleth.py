"""Shading classes: about as many places in each, every value in one, nothing shaded as nothing."""

from puente.lib.choropleth import EMPTY, PALETTE, bands, shade


def test_values_fall_into_up_to_five_classes_of_about_equal_counts():
    values = [0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    classes = bands(values)
    assert [(b.low, b.high) for b in classes] == [(1, 2), (2, 4), (4, 6), (6, 8), (8, 10)]
    assert [b.fill for b in classes] == PALETTE
    assert shade(1, classes).index == 0 and shade(10, classes).index == 4
    assert shade(0, classes).fill == EMPTY


def test_two_values_make_two_classes_in_the_darker_colours():
    classes = bands([450, 1650, 0])
    assert [(b.low, b.high) for b in classes] == [(450, 450), (450, 1650)]
    assert shade(450, classes).index == 0 and shade(1650, classes).index == 1


def test_nothing_to_shade_gives_no_class():
    assert bands([0, 0]) == []
    assert shade(5, []).fill == EMPTY
