<?xml version="1.0" encoding="UTF-8"?>
<!--
  stylesheets/output/html.xsl — the document model (urn:cocom:document:1,
  stylesheets/model/document.rng) as one self-contained HTML5 page, for a
  council's website (WCAG 2.1 AA).

  `cocom build` with the format html applies it to each document's model and
  writes the result with libxml2's HTML serialiser (src/outputs.c), which
  adds the HTML5 doctype.  Nothing is fetched: the style is inline, there
  are no scripts, images or fonts from elsewhere.

  How each construct looks here:
    title, section/heading, subheading   h1…h6: a title is h1, a section's
        heading ranks one below the sections around it (a top-level
        section is h2), a subheading takes its @level or one below what
        holds it, so no level is skipped;
    clause, question, section @number    printed as text before the words,
        so a clause keeps its number whatever the browser does with lists;
    list                                 ul or ol, each item's label (its
        @label, or 1. 2. / (a) (b) counted here) printed as text;
    table                                table with caption, thead, tbody,
        th with scope, colgroup widths from the col proportions;
    fields, definitions                  dl;
    blank, blank-lines                   an underlined gap (a title says what
        is to be written), lines to write on;
    running head and foot                a header and a footer of the page,
        once (a web page has no pages); print CSS repeats nothing.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:d="urn:cocom:document:1"
    exclude-result-prefixes="d">

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:variable name="css">
:root { color: #1a1a1a; background: #fff; }
body { font-family: "Noto Sans", Arial, sans-serif; line-height: 1.5; max-width: 48em; margin: 1em auto; padding: 0 1em; }
header.running, footer.running { color: #444; font-size: 0.9em; border-bottom: 1px solid #767676; margin-bottom: 1.5em; }
footer.running { border-bottom: 0; border-top: 1px solid #767676; margin-top: 2em; }
header.running p, footer.running p { margin: 0.2em 0; }
h1 { font-size: 1.8em; margin: 0.5em 0; }
h2 { font-size: 1.4em; margin-top: 1.5em; }
h3 { font-size: 1.2em; }
h4, h5, h6 { font-size: 1em; }
.number { font-weight: bold; margin-right: 0.5em; }
.clause { margin: 0.6em 0; }
.clause > p:first-child { margin-top: 0; }
ul.labelled, ol { list-style: none; padding-left: 2.5em; }
ul.labelled > li, ol > li { position: relative; }
ul.labelled > li > .label, ol > li > .label { position: absolute; left: -2.5em; width: 2.3em; text-align: right; }
.box { border: 1px solid #767676; padding: 0.5em 1em; margin: 1em 0; }
.box.masthead { border: 0; border-bottom: 2px solid #1a1a1a; padding: 0; }
table { border-collapse: collapse; margin: 1em 0; width: 100%; }
th, td { border: 1px solid #767676; padding: 0.25em 0.5em; vertical-align: top; text-align: left; }
thead th { background: #e8e8e8; }
tr.total td, tr.total th { font-weight: bold; }
caption { text-align: left; font-weight: bold; margin-bottom: 0.3em; }
dl.fields { display: grid; grid-template-columns: minmax(8em, 1fr) 2fr; gap: 0.3em 1em; }
dl.fields dt { font-weight: bold; }
dl.fields dd { margin: 0; }
dl.fields dd > p:first-child, dl.fields dd > div > p:first-child { margin-top: 0; }
dl.definitions dt { font-weight: bold; }
/* WCAG 2.1 1.4.10 (reflow): at 320 CSS px nothing but a data table may need
   sideways scrolling, so a blank is never wider than its line. */
.blank { display: inline-block; min-width: min(6em, 100%); border-bottom: 1px solid #1a1a1a; background: #fff3b0; }
.blank.medium { min-width: min(12em, 100%); }
.blank.line { min-width: min(20em, 100%); }
td .blank.line, th .blank.line { display: block; min-width: 0; height: 1.5em; }
@media (max-width: 30em) { dl.fields { grid-template-columns: 1fr; } }
.blank-lines { border-bottom: 1px solid #1a1a1a; background: repeating-linear-gradient(#fff, #fff 1.9em, #1a1a1a 1.9em, #1a1a1a 2em); }
.choice-box { display: inline-block; width: 1em; height: 1em; border: 1px solid #1a1a1a; vertical-align: middle; margin-right: 0.5em; }
.question { margin: 1em 0; }
.signature { margin: 1.5em 0; }
.subtitle { font-size: 1.2em; }
.run-in { font-weight: bold; }
a { color: #0b4f9c; overflow-wrap: anywhere; }  /* a long address wraps (reflow) */
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  @page { size: A4; margin: 20mm; }
  .new-page { break-before: page; }
  .keep-together, tr { break-inside: avoid; }
  .keep-with-next, h1, h2, h3, h4, h5, h6 { break-after: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.9em; }
}
</xsl:variable>

  <xsl:variable name="doc" select="/d:document"/>

  <xsl:template match="/">
    <xsl:if test="not($doc)">
      <xsl:message terminate="yes">html.xsl: the input is not a document of the model (urn:cocom:document:1)</xsl:message>
    </xsl:if>
    <html lang="{$doc/@xml:lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="normalize-space($doc/d:metadata/d:title)"/></title>
        <meta name="author" content="{normalize-space($doc/d:metadata/d:issuer)}"/>
        <xsl:if test="$doc/d:metadata/d:description">
          <meta name="description" content="{normalize-space($doc/d:metadata/d:description)}"/>
        </xsl:if>
        <xsl:if test="$doc/d:metadata/d:date">
          <meta name="dcterms.date" content="{$doc/d:metadata/d:date/@value}"/>
        </xsl:if>
        <meta name="generator" content="cocom"/>
        <style><xsl:value-of select="$css"/></style>
      </head>
      <body class="{$doc/@type}">
        <xsl:apply-templates select="$doc/d:metadata/d:running-head"/>
        <main>
          <!-- The page's h1: the body's own title, else the metadata's. -->
          <xsl:if test="not($doc/d:body//d:title)">
            <h1><xsl:value-of select="$doc/d:metadata/d:title"/></h1>
            <xsl:if test="$doc/d:metadata/d:subtitle">
              <p class="subtitle"><xsl:value-of select="$doc/d:metadata/d:subtitle"/></p>
            </xsl:if>
          </xsl:if>
          <xsl:apply-templates select="$doc/d:body/node()"/>
        </main>
        <xsl:apply-templates select="$doc/d:metadata/d:running-foot"/>
      </body>
    </html>
  </xsl:template>

  <!-- The running head and foot, once; class "running" marks them as
       page furniture (tests leave them out when comparing words). -->
  <xsl:template match="d:running-head">
    <header class="running">
      <xsl:if test="d:start"><p><xsl:value-of select="d:start"/></p></xsl:if>
      <xsl:if test="d:end"><p><xsl:value-of select="d:end"/></p></xsl:if>
    </header>
  </xsl:template>

  <xsl:template match="d:running-foot">
    <footer class="running"><p><xsl:apply-templates/></p></footer>
  </xsl:template>

  <!-- === common attributes ============================================ -->

  <!-- id, and classes from the element's kind, @role and page hints -->
  <xsl:template name="attrs">
    <xsl:param name="class" select="''"/>
    <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
    <xsl:variable name="c" select="normalize-space(concat($class, ' ', @role,
        substring(' new-page', 1, 9 * (@new-page = 'yes')),
        substring(concat(' keep-', @keep), 1, 99 * boolean(@keep))))"/>
    <xsl:if test="$c != ''"><xsl:attribute name="class"><xsl:value-of select="$c"/></xsl:attribute></xsl:if>
    <xsl:if test="@basis"><xsl:attribute name="data-basis"><xsl:value-of select="@basis"/></xsl:attribute></xsl:if>
    <xsl:if test="@source"><xsl:attribute name="data-source"><xsl:value-of select="@source"/></xsl:attribute></xsl:if>
  </xsl:template>

  <!-- The level of a heading made for this element: one below the
       sections that hold it, a title being 1; at most 6. -->
  <xsl:template name="level">
    <xsl:param name="below" select="count(ancestor::d:section) + 1"/>
    <xsl:choose>
      <xsl:when test="$below &gt; 6">6</xsl:when>
      <xsl:otherwise><xsl:value-of select="$below"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="number">
    <xsl:if test="string(@number) != ''">
      <span class="number"><xsl:value-of select="@number"/></span>
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- === blocks ========================================================= -->

  <xsl:template match="d:section">
    <xsl:variable name="level">
      <xsl:call-template name="level">
        <xsl:with-param name="below" select="count(ancestor-or-self::d:section) + 1"/>
      </xsl:call-template>
    </xsl:variable>
    <section>
      <xsl:call-template name="attrs"/>
      <xsl:element name="h{$level}">
        <xsl:call-template name="number"/>
        <xsl:apply-templates select="d:heading/node()"/>
      </xsl:element>
      <xsl:apply-templates select="node()[not(self::d:heading)]"/>
    </section>
  </xsl:template>

  <xsl:template match="d:title">
    <h1><xsl:call-template name="attrs"/><xsl:apply-templates/></h1>
  </xsl:template>

  <xsl:template match="d:subtitle">
    <p><xsl:call-template name="attrs"><xsl:with-param name="class" select="'subtitle'"/></xsl:call-template><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="d:subheading">
    <xsl:variable name="level">
      <xsl:choose>
        <xsl:when test="@level">
          <xsl:call-template name="level"><xsl:with-param name="below" select="@level"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="level"><xsl:with-param name="below" select="count(ancestor::d:section) + 2"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="h{$level}">
      <xsl:call-template name="attrs"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="d:p">
    <p><xsl:call-template name="attrs"/><xsl:apply-templates/></p>
  </xsl:template>

  <!-- A clause: its number and its first words in a paragraph, then what
       belongs to it (a list, a table), then any words after those. -->
  <xsl:template match="d:clause">
    <div>
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="'clause'"/></xsl:call-template>
      <xsl:call-template name="flow">
        <xsl:with-param name="paragraphs" select="true()"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <!-- Mixed content: an inline run, up to the next block. -->
  <xsl:template match="node()" mode="run">
    <xsl:apply-templates select="."/>
    <xsl:apply-templates select="following-sibling::node()[1][not(self::d:p or self::d:list or self::d:table or self::d:definitions or self::d:blank-lines or self::d:group)]" mode="run"/>
  </xsl:template>

  <!-- Flow content (a clause, a cell, a field's value, an answer, an
       item): inline alone as it is (in a paragraph with $paragraphs);
       with blocks, each inline run is a paragraph.  The element's @number
       (a clause's) begins its first paragraph. -->
  <xsl:template name="flow">
    <xsl:param name="paragraphs" select="false()"/>
    <xsl:variable name="blocks" select="d:p | d:list | d:table | d:group | d:blank-lines | d:definitions"/>
    <xsl:choose>
      <xsl:when test="not($blocks) and not($paragraphs)">
        <xsl:apply-templates/>
      </xsl:when>
      <xsl:when test="not($blocks)">
        <p><xsl:call-template name="number"/><xsl:apply-templates/></p>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="first" select="node()[self::* or normalize-space(.) != ''][1]"/>
        <xsl:if test="string(@number) != '' and ($first/self::d:p or $first/self::d:list or $first/self::d:table or $first/self::d:group or $first/self::d:blank-lines or $first/self::d:definitions)">
          <p><xsl:call-template name="number"/></p>
        </xsl:if>
        <xsl:for-each select="node()">
          <xsl:choose>
            <xsl:when test="self::d:p or self::d:list or self::d:table or self::d:group or self::d:blank-lines or self::d:definitions">
              <xsl:apply-templates select="."/>
            </xsl:when>
            <!-- the first node of an inline run that says something -->
            <xsl:when test="(not(preceding-sibling::node()[1]) or preceding-sibling::node()[1][self::d:p or self::d:list or self::d:table or self::d:group or self::d:blank-lines or self::d:definitions])
                            and (self::* or normalize-space(.) != '' or following-sibling::node()[1][not(self::d:p or self::d:list or self::d:table or self::d:group or self::d:blank-lines or self::d:definitions)])">
              <p>
                <xsl:if test="not(preceding-sibling::node()[self::* or normalize-space(.) != ''])">
                  <xsl:for-each select=".."><xsl:call-template name="number"/></xsl:for-each>
                </xsl:if>
                <xsl:apply-templates select="." mode="run"/>
              </p>
            </xsl:when>
          </xsl:choose>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="d:list">
    <xsl:variable name="tag">
      <xsl:choose>
        <xsl:when test="@type = 'bulleted'">ul</xsl:when>
        <xsl:otherwise>ol</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$tag}">
      <xsl:call-template name="attrs">
        <xsl:with-param name="class" select="concat(@type, substring(' labelled', 1, 9 * boolean(d:item/@label)))"/>
      </xsl:call-template>
      <xsl:apply-templates select="d:item"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="d:item">
    <li>
      <xsl:call-template name="attrs"/>
      <xsl:choose>
        <xsl:when test="@label">
          <span class="label"><xsl:value-of select="@label"/></span>
          <xsl:text> </xsl:text>
        </xsl:when>
        <xsl:when test="../@type = 'numbered'">
          <span class="label"><xsl:number format="1."/></span>
          <xsl:text> </xsl:text>
        </xsl:when>
        <xsl:when test="../@type = 'lettered'">
          <span class="label"><xsl:number format="(a)"/></span>
          <xsl:text> </xsl:text>
        </xsl:when>
      </xsl:choose>
      <xsl:call-template name="flow"/>
    </li>
  </xsl:template>

  <xsl:template match="d:table">
    <table>
      <xsl:call-template name="attrs"/>
      <xsl:if test="d:caption">
        <caption><xsl:apply-templates select="d:caption/node()"/></caption>
      </xsl:if>
      <xsl:if test="d:col">
        <xsl:variable name="total" select="sum(d:col/@width)"/>
        <colgroup>
          <xsl:for-each select="d:col">
            <col>
              <xsl:if test="@width and $total &gt; 0">
                <xsl:attribute name="style">width: <xsl:value-of select="round(1000 * @width div $total) div 10"/>%</xsl:attribute>
              </xsl:if>
            </col>
          </xsl:for-each>
        </colgroup>
      </xsl:if>
      <xsl:if test="d:head">
        <thead><xsl:apply-templates select="d:head/d:row"/></thead>
      </xsl:if>
      <tbody><xsl:apply-templates select="d:body/d:row"/></tbody>
    </table>
    <xsl:for-each select="d:note">
      <p class="table-note"><xsl:apply-templates/></p>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="d:row">
    <tr>
      <xsl:if test="@role"><xsl:attribute name="class"><xsl:value-of select="@role"/></xsl:attribute></xsl:if>
      <xsl:apply-templates select="d:th | d:td"/>
    </tr>
  </xsl:template>

  <xsl:template match="d:th | d:td">
    <xsl:element name="{local-name()}">
      <xsl:copy-of select="@scope | @colspan | @rowspan"/>
      <xsl:if test="@align">
        <xsl:attribute name="style">text-align: <xsl:choose>
            <xsl:when test="@align = 'start'">left</xsl:when>
            <xsl:when test="@align = 'end'">right</xsl:when>
            <xsl:otherwise>center</xsl:otherwise>
          </xsl:choose></xsl:attribute>
      </xsl:if>
      <xsl:call-template name="flow"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="d:definitions">
    <dl>
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="'definitions'"/></xsl:call-template>
      <xsl:for-each select="d:term">
        <dt><xsl:apply-templates/></dt>
        <xsl:for-each select="following-sibling::d:definition[1]">
          <dd><xsl:call-template name="flow"/></dd>
        </xsl:for-each>
      </xsl:for-each>
    </dl>
  </xsl:template>

  <xsl:template match="d:fields">
    <dl>
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="'fields'"/></xsl:call-template>
      <xsl:apply-templates select="d:field"/>
    </dl>
  </xsl:template>

  <xsl:template match="d:field">
    <dt><xsl:call-template name="attrs"/><xsl:apply-templates select="d:label/node()"/></dt>
    <dd><xsl:for-each select="d:value"><xsl:call-template name="flow"/></xsl:for-each></dd>
  </xsl:template>

  <xsl:template match="d:questions">
    <div>
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="'questions'"/></xsl:call-template>
      <xsl:for-each select="d:question">
        <div>
          <xsl:call-template name="attrs"><xsl:with-param name="class" select="'question'"/></xsl:call-template>
          <div class="prompt">
            <xsl:call-template name="number"/>
            <xsl:for-each select="d:prompt"><xsl:call-template name="flow"/></xsl:for-each>
          </div>
          <div class="answer">
            <xsl:for-each select="d:answer"><xsl:call-template name="flow"/></xsl:for-each>
          </div>
        </div>
      </xsl:for-each>
    </div>
  </xsl:template>

  <xsl:template match="d:choices">
    <ul>
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="'choices'"/></xsl:call-template>
      <xsl:for-each select="d:choice">
        <li>
          <span class="choice-box"></span>
          <strong><xsl:apply-templates select="d:label/node()"/></strong>
          <xsl:for-each select="d:description">
            <xsl:text> </xsl:text>
            <xsl:call-template name="flow"/>
          </xsl:for-each>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <xsl:template match="d:signature">
    <div>
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="'signature'"/></xsl:call-template>
      <p class="party">
        <xsl:if test="d:party/@label"><xsl:value-of select="d:party/@label"/><xsl:text> </xsl:text></xsl:if>
        <strong><xsl:value-of select="d:party"/></strong>
      </p>
      <dl class="fields"><xsl:apply-templates select="d:field"/></dl>
    </div>
  </xsl:template>

  <xsl:template match="d:box">
    <div>
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="'box'"/></xsl:call-template>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="d:group">
    <div>
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="'group'"/></xsl:call-template>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="d:contents">
    <nav>
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="'contents'"/></xsl:call-template>
      <xsl:if test="d:heading">
        <xsl:attribute name="aria-label"><xsl:value-of select="normalize-space(d:heading)"/></xsl:attribute>
        <xsl:variable name="level">
          <xsl:call-template name="level"><xsl:with-param name="below" select="count(ancestor::d:section) + 2"/></xsl:call-template>
        </xsl:variable>
        <xsl:element name="h{$level}"><xsl:apply-templates select="d:heading/node()"/></xsl:element>
      </xsl:if>
      <ul class="labelled">
        <xsl:for-each select="d:entry">
          <li>
            <xsl:if test="@level &gt; 1">
              <xsl:attribute name="style">margin-left: <xsl:value-of select="(@level - 1) * 1.5"/>em</xsl:attribute>
            </xsl:if>
            <a href="#{@ref}">
              <xsl:if test="@number"><span class="number"><xsl:value-of select="@number"/></span><xsl:text> </xsl:text></xsl:if>
              <xsl:value-of select="."/>
            </a>
          </li>
        </xsl:for-each>
      </ul>
    </nav>
  </xsl:template>

  <xsl:template match="d:blank-lines">
    <div style="height: {2 * @lines}em">
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="'blank-lines'"/></xsl:call-template>
      <xsl:if test="@purpose">
        <xsl:attribute name="title">to complete: <xsl:value-of select="@purpose"/></xsl:attribute>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- === inline ======================================================== -->

  <xsl:template match="d:em"><em><xsl:apply-templates/></em></xsl:template>
  <xsl:template match="d:strong"><strong><xsl:apply-templates/></strong></xsl:template>
  <xsl:template match="d:cite"><cite><xsl:apply-templates/></cite></xsl:template>
  <xsl:template match="d:dfn"><dfn><xsl:apply-templates/></dfn></xsl:template>
  <xsl:template match="d:br"><br/></xsl:template>
  <xsl:template match="d:run-in"><strong class="run-in"><xsl:apply-templates/></strong></xsl:template>
  <xsl:template match="d:span">
    <span>
      <xsl:if test="@role"><xsl:attribute name="class"><xsl:value-of select="@role"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </span>
  </xsl:template>
  <xsl:template match="d:link"><a href="{@href}"><xsl:apply-templates/></a></xsl:template>

  <!-- A blank: a highlighted, underlined gap; what goes there is its title. -->
  <xsl:template match="d:blank">
    <span>
      <xsl:attribute name="class">
        <xsl:text>blank</xsl:text>
        <xsl:if test="@width = 'short' or @width = 'medium' or @width = 'line'"><xsl:value-of select="concat(' ', @width)"/></xsl:if>
      </xsl:attribute>
      <xsl:if test="number(@width) = number(@width)">
        <xsl:attribute name="style">min-width: <xsl:value-of select="@width"/>ch</xsl:attribute>
      </xsl:if>
      <xsl:attribute name="title">
        <xsl:text>to complete</xsl:text>
        <xsl:if test="@purpose">: <xsl:value-of select="@purpose"/></xsl:if>
      </xsl:attribute>
      <xsl:text>&#160;</xsl:text>
    </span>
  </xsl:template>

  <xsl:template match="d:heading | d:caption | d:note | d:metadata"/>

  <!-- Anything the model has that this output does not know yet is an
       error, not a silent gap. -->
  <xsl:template match="d:*" priority="-1">
    <xsl:message terminate="yes">html.xsl: the document model's &lt;<xsl:value-of select="local-name()"/>&gt; is not handled by this output</xsl:message>
  </xsl:template>
  <!-- === the mandate summary and the ballot paper (issue 20, H2) =====
       A ballot paper is a group (role ballot-paper) with new-page: the
       print style above puts each on a printed page of its own; its
       practice's name is its heading (h2 below the form's h1), so that a
       reader can tell the papers apart.  The style here is inline: the
       page's style sheet is shared by every document. -->

  <!-- The three models: a box each to mark, and no bullet beside it. -->
  <xsl:template match="d:choices[@role = 'ballot']">
    <ul style="list-style: none; padding-left: 0">
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="'choices'"/></xsl:call-template>
      <xsl:for-each select="d:choice">
        <li style="margin: 0.5em 0">
          <span class="choice-box" style="width: 1.5em; height: 1.5em"></span>
          <strong><xsl:apply-templates select="d:label/node()"/></strong>
          <xsl:for-each select="d:description">
            <xsl:text> </xsl:text>
            <xsl:call-template name="flow"/>
          </xsl:for-each>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- The practice header's heading: no room above it inside its box. -->
  <xsl:template match="d:box[@role = 'practice-header']/d:subheading">
    <h2 style="margin-top: 0.3em">
      <xsl:call-template name="attrs"/>
      <xsl:apply-templates/>
    </h2>
  </xsl:template>
</xsl:stylesheet>
