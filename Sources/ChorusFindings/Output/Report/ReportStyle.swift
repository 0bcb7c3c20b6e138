/// The report's only style sheet, inline: system fonts, a 17px base, dark text on white for
/// contrast, one column that fits a phone, and print rules that keep each result on one page.
enum ReportStyle {
    static let css = """
        :root{--ink:#1b1b1b;--muted:#4a4a4a;--line:#c9c9c9;--accent:#1d5f8a;--pale:#e6edf2;--paper:#fff}
        *{box-sizing:border-box}
        html{font-size:106.25%;-webkit-text-size-adjust:100%}
        body{margin:0;background:var(--paper);color:var(--ink);line-height:1.5;
        font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif}
        main{max-width:46rem;margin:0 auto;padding:1.25rem 1rem 3rem}
        h1{font-size:1.9rem;line-height:1.2;margin:.25rem 0 .75rem}
        h2{font-size:1.45rem;line-height:1.25;margin:2.5rem 0 .75rem;padding-top:.75rem;border-top:3px solid var(--ink)}
        h3{font-size:1.15rem;line-height:1.3;margin:1.75rem 0 .4rem}
        h4,summary{font-size:1rem;font-weight:700;margin:1.25rem 0 .4rem}
        summary{cursor:pointer}
        p{margin:.5rem 0}
        a{color:var(--accent)}
        .kicker{text-transform:uppercase;letter-spacing:.06em;font-size:.8rem;font-weight:600;color:var(--muted);margin:0}
        .lede{font-size:1.15rem}
        .meta,.note,figcaption{color:var(--muted);font-size:.9rem}
        .callout{border-left:4px solid var(--accent);background:var(--pale);padding:.6rem .9rem;margin:1rem 0}
        nav ol{padding-left:1.25rem;margin:.25rem 0}
        nav{font-size:.95rem}
        .bars{list-style:none;padding:0;margin:.5rem 0}
        .bars li{margin:0 0 .8rem;break-inside:avoid}
        .bars .label{display:block}
        .bars .place{display:inline-block;min-width:1.6rem;font-weight:700}
        .bars .figures{display:block;color:var(--muted);font-size:.9rem;font-variant-numeric:tabular-nums}
        .bars .figures strong{color:var(--ink);font-size:1rem}
        svg.bar{display:block;width:100%;height:.9rem;margin:.15rem 0}
        svg .track{fill:var(--pale)}
        svg .fill{fill:var(--accent)}
        svg .range{fill:#9bb7cb}
        svg .ci{stroke:var(--ink);stroke-width:1.5px;fill:none}
        .scroll{overflow-x:auto;margin:.5rem 0 1rem}
        table{border-collapse:collapse;font-size:.9rem;font-variant-numeric:tabular-nums}
        th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;vertical-align:top}
        thead th{text-align:left;font-weight:600;border-bottom:2px solid var(--ink);min-width:5.5rem}
        td{text-align:right;white-space:nowrap}
        th[scope=row]{text-align:left;font-weight:400;min-width:8rem}
        tr.total th,tr.total td{font-weight:600}
        td small{display:block;color:var(--muted)}
        .withheld{color:var(--muted)}
        .nowrap{white-space:nowrap}
        footer{margin-top:3rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);padding-top:.75rem}
        @media (min-width:48rem){main{padding-top:2rem}h1{font-size:2.3rem}}
        @media print{
        html{font-size:11pt}
        main{max-width:none;padding:0}
        nav{display:none}
        a{color:inherit;text-decoration:none}
        h2{break-before:page;border-top:none;padding-top:0}
        #priorities h2{break-before:auto}
        h2,h3,h4,summary,.lede,.meta{break-after:avoid}
        details,.callout,table,.note{break-inside:avoid}
        .scroll{overflow:visible}
        details::details-content{content-visibility:visible;display:block}
        summary{list-style:none}
        svg,.callout{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        }
        @page{margin:18mm 16mm}
        """
}
