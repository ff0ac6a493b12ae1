"""Render the test site's documents: realistic article pages and RSS/Atom feeds.

Article pages carry what real news pages carry around the story (navigation, a cookie
banner, a newsletter box, related stories, a footer, og/JSON-LD metadata), so extraction
tests show that the furniture is dropped and the body kept.
"""

from __future__ import annotations

import json
from email.utils import format_datetime
from html import escape
from xml.sax.saxutils import escape as xml_escape

from tests.support.articles import SEED_PROMO_PREFIXES, Article

# Phrases from the page furniture; extraction tests assert none of them reaches the text.
FURNITURE = (
    "We use cookies to improve your experience",
    "Sign up for the Morning Briefing",
    "Related stories",
    "All rights reserved",
    "Subscribe to our print edition",
    "Most popular this week",
)

_NAV = ("Home", "Politics", "World", "Business", "Opinion", "Sports", "Science", "Video")
_RELATED = (
    ("Senate panel schedules hearing on sanctions bill", "/news/related/sanctions-hearing"),
    ("Five things to know about the new arms talks", "/news/related/arms-talks-explained"),
    ("Opinion: the long winter of summit diplomacy", "/opinion/summit-diplomacy"),
    ("Photos: spring arrives early across the capital", "/photos/spring-capital"),
)


def _paragraph(text: str) -> str:
    if text.startswith(SEED_PROMO_PREFIXES):
        # The outlet renders these lines as promotional links inside the story.
        return f'<p class="promo"><a href="/news/promo"><strong>{escape(text)}</strong></a></p>'
    return f"<p>{escape(text)}</p>"


def article_page(article: Article, base_url: str) -> str:
    """A full article page in the style of a commercial news site."""
    url = base_url + article.path
    iso = article.published.isoformat()
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": iso,
        "dateModified": iso,
        "author": [{"@type": "Person", "name": article.author}],
        "publisher": {"@type": "Organization", "name": article.outlet},
        "mainEntityOfPage": url,
    }
    nav = "\n".join(f'<li><a href="/section/{n.lower()}">{n}</a></li>' for n in _NAV)
    related = "\n".join(
        f'<li><a href="{href}">{escape(title)}</a></li>' for title, href in _RELATED
    )
    body = "\n".join(_paragraph(p) for p in article.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<title>{escape(article.title)} | {escape(article.outlet)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{escape(article.summary)}">
<meta name="author" content="{escape(article.author)}">
<meta property="og:type" content="article">
<meta property="og:title" content="{escape(article.title)}">
<meta property="og:url" content="{escape(url)}">
<meta property="og:site_name" content="{escape(article.outlet)}">
<meta property="og:description" content="{escape(article.summary)}">
<meta property="article:published_time" content="{iso}">
<meta property="article:section" content="{escape(article.section)}">
<link rel="canonical" href="{escape(url)}">
<script type="application/ld+json">{json.dumps(ld)}</script>
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
<style>.cookie-banner{{position:fixed;bottom:0}} .promo a{{color:#c00}}</style>
</head>
<body class="article-page">
<div id="cookie-consent" class="cookie-banner" role="dialog">
  <p>We use cookies to improve your experience on our site and to show you relevant
  advertising. By continuing to browse you agree to our use of cookies.</p>
  <button>Accept all</button> <button>Manage preferences</button>
</div>
<header class="site-header">
  <a class="logo" href="/">{escape(article.outlet)}</a>
  <nav class="main-nav"><ul>
{nav}
  </ul></nav>
  <form class="search" action="/search"><input name="q" placeholder="Search"></form>
  <a class="subscribe" href="/subscribe">Subscribe to our print edition</a>
</header>
<main>
<nav class="breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/section/{article.section.lower()}">{escape(article.section)}</a></nav>
<article class="story">
  <h1 class="headline">{escape(article.title)}</h1>
  <div class="byline">By <a rel="author" href="/author/{article.author.lower().replace(" ", "-")}">{escape(article.author)}</a>
    &middot; <time datetime="{iso}">{article.published:%B %d, %Y %I:%M %p} UTC</time></div>
  <div class="share"><a href="/share/twitter">Share on Twitter</a> <a href="/share/facebook">Share on Facebook</a></div>
  <div class="story-body">
{body}
  </div>
</article>
<aside class="newsletter">
  <h3>Sign up for the Morning Briefing</h3>
  <p>The day's most important stories, in your inbox before breakfast.</p>
  <form action="/newsletter"><input type="email" name="email"><button>Sign up</button></form>
</aside>
<section class="related">
  <h2>Related stories</h2>
  <ul>
{related}
  </ul>
</section>
<section class="popular"><h2>Most popular this week</h2>
  <ol><li><a href="/news/popular/1">Storm closes schools across three counties</a></li>
  <li><a href="/news/popular/2">Markets rally as inflation fears ease</a></li></ol>
</section>
</main>
<footer class="site-footer">
  <ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>
  <li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul>
  <p>&copy; 2021 {escape(article.outlet)}. All rights reserved.</p>
</footer>
</body>
</html>
"""


def _html_fragment(article: Article) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in article.paragraphs)


# Feed links carry tracking parameters, as real feeds do; the pipeline must drop them.
TRACKING_QUERY = "?utm_source=rss&utm_medium=feed&utm_campaign=world"


def rss_feed(
    title: str, articles: list[Article], base_url: str, *, full_content: bool = True
) -> str:
    """An RSS 2.0 feed with description (HTML summary) and content:encoded (full HTML body)."""
    items = []
    for a in articles:
        link = base_url + a.path + TRACKING_QUERY
        content = (
            f"<content:encoded><![CDATA[{_html_fragment(a)}]]></content:encoded>"
            if full_content
            else ""
        )
        items.append(
            f"""  <item>
    <title>{xml_escape(a.title)}</title>
    <link>{xml_escape(link)}</link>
    <guid isPermaLink="false">{xml_escape(a.slug)}</guid>
    <pubDate>{format_datetime(a.published, usegmt=True)}</pubDate>
    <dc:creator>{xml_escape(a.author)}</dc:creator>
    <description><![CDATA[<p>{escape(a.summary)}</p> <a href="{escape(link)}">Read more</a>]]></description>
    {content}
  </item>"""
        )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>{xml_escape(title)}</title>
  <link>{xml_escape(base_url)}/</link>
  <description>Test site feed</description>
  <language>en-us</language>
{chr(10).join(items)}
</channel>
</rss>
"""


def atom_feed(title: str, articles: list[Article], base_url: str) -> str:
    """An Atom 1.0 feed with summary and full HTML content."""
    entries = []
    for a in articles:
        link = base_url + a.path + TRACKING_QUERY
        entries.append(
            f"""  <entry>
    <title>{xml_escape(a.title)}</title>
    <link rel="alternate" type="text/html" href="{xml_escape(link)}"/>
    <id>tag:test.site,2021:{xml_escape(a.slug)}</id>
    <published>{a.published.isoformat()}</published>
    <updated>{a.published.isoformat()}</updated>
    <author><name>{xml_escape(a.author)}</name></author>
    <summary type="text">{xml_escape(a.summary)}</summary>
    <content type="html">{xml_escape(_html_fragment(a))}</content>
  </entry>"""
        )
    updated = max((a.published for a in articles), default=None)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>{xml_escape(title)}</title>
  <id>{xml_escape(base_url)}/</id>
  <updated>{updated.isoformat() if updated else "2021-03-22T00:00:00+00:00"}</updated>
  <link rel="self" href="{xml_escape(base_url)}/atom"/>
{chr(10).join(entries)}
</feed>
"""


def malformed_feed(articles: list[Article], base_url: str) -> str:
    """RSS with an unclosed tag and a bare ampersand: feedparser flags bozo but keeps entries."""
    good = rss_feed("Broken feed", articles, base_url)
    return good.replace(
        "<description>Test site feed</description>", "<description>Tom & Jerry<b></description>"
    )


def garbage_feed() -> str:
    """Not a feed at all: an error page a server sends with a 200."""
    return "<html><body><h1>Service temporarily unavailable</h1><p>Try again later <b></body>"


def nested_page(depth: int) -> str:
    """A page nested far deeper than any real page, to probe parser limits."""
    return (
        "<html><body>" + "<div>" * depth + "deep text " * 50 + "</div>" * depth + "</body></html>"
    )
