from koplopers.html import schoon_html


def test_schoon_html_removes_script_and_style():
    vuil = '<p onclick="x()">Hoi<script>alert(1)</script><style>p{}</style></p>'

    assert schoon_html(vuil) == "<p>Hoi</p>"


def test_schoon_html_keeps_lists_links_and_emphasis():
    html = '<ul><li><a href="https://vng.nl">VNG</a> <em>nu</em></li></ul>'

    assert schoon_html(html) == (
        '<ul><li><a href="https://vng.nl" rel="noopener noreferrer nofollow">VNG</a> <em>nu</em></li></ul>'
    )


def test_schoon_html_drops_javascript_urls():
    assert schoon_html('<a href="javascript:alert(1)">x</a>') == '<a rel="noopener noreferrer nofollow">x</a>'
