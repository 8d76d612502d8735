<?xml version="1.0" encoding="UTF-8"?>
<!--
  stylesheets/model/report.xsl — a report to a council's Health and
  Wellbeing Board, from a board-report of the arrangement, as a document
  of the model (urn:cocom:document:1): the masthead, the cover sheet,
  recommendations, contents, numbered sections with their paragraphs,
  the functions table and the decision matrix where the report places
  them, the contact box, appendices and background papers.

  What the report holds, never how it looks: stylesheets/report.xsl turns
  this into FO (output/fo.xsl), and the councils' house styles restyle
  that.  Run alone, it writes the model:
    xsltproc -stringparam report ID stylesheets/model/report.xsl arrangement.xml

  Parameters: report — the board-report/@id (default: the first report);
  house-style-name — whose default cover labels (templates/house-styles.xml);
  report-toc — yes, no or auto (a contents list from toc-min-sections
  sections); first-section-new-page — yes: the sections begin on a new
  page; report-first-header — no: no running head on the first page.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:d="urn:cocom:document:1"
    xmlns:a="urn:cocom:arrangement:1"
    xmlns:t="urn:cocom:templates:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="a t exsl str">

  <xsl:import href="common.xsl"/>

  <!-- A board report speaks in the council's words, and knows what had
       happened by the day of its meeting. -->
  <xsl:param name="voice" select="'council'"/>
  <xsl:template name="document-date-default">
    <xsl:value-of select="$report-node/@date"/>
  </xsl:template>

  <!-- The house style whose default cover labels to use (templates/house-styles.xml). -->
  <xsl:param name="house-style-name" select="'default'"/>
  <xsl:param name="house-styles-file" select="'../../templates/house-styles.xml'"/>
  <!-- A contents list: yes, no, or auto (when the report has at least
       $toc-min-sections sections). -->
  <xsl:param name="report-toc" select="'auto'"/>
  <!-- Start the first section on a new page (yes/no). -->
  <xsl:param name="first-section-new-page" select="'no'"/>
  <!-- The running header on the first page too (the masthead is there). -->
  <xsl:param name="report-first-header" select="'yes'"/>

  <xsl:variable name="house-styles" select="document($house-styles-file)/t:house-styles"/>
  <xsl:variable name="board" select="$root/a:parties/a:health-and-wellbeing-board[@id = $report-node/@board]"/>
  <xsl:variable name="council" select="$root/a:parties/a:council[@id = $board/@council]"/>
  <xsl:variable name="report-title" select="normalize-space($report-node/a:cover/a:report-title)"/>
  <xsl:variable name="report-sections" select="$report-node/a:section"/>
  <xsl:variable name="show-toc"
      select="$report-toc = 'yes' or ($report-toc = 'auto' and count($report-sections) &gt;= $toc-min-sections)"/>

  <!-- ================================================================ -->
  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$report-node">
        <xsl:apply-templates select="$report-node" mode="model-report"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">cocom: the arrangement has no board report<xsl:if test="$report != ''"> with the id "<xsl:value-of select="$report"/>"</xsl:if></xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The outline comes before the body: it is where each part's id is
       first made (generate-id), so the ids run in the outline's order. -->
  <xsl:template match="a:board-report" mode="model-report">
    <d:document type="board-report" xml:lang="{$doc-lang}">
      <d:metadata>
        <d:title><xsl:value-of select="$report-title"/></d:title>
        <d:issuer><xsl:call-template name="report-creator"/></d:issuer>
        <d:description><xsl:call-template name="text-string"><xsl:with-param name="name" select="'describe-report'"/></xsl:call-template></d:description>
        <xsl:if test="$dated">
          <d:date value="{normalize-space($document-date)}"><xsl:call-template name="format-date"><xsl:with-param name="date" select="$document-date"/></xsl:call-template></d:date>
        </xsl:if>
        <d:running-head first-page="{$report-first-header}">
          <d:start><xsl:call-template name="report-running-left"/></d:start>
          <d:end><xsl:call-template name="report-running-right"/></d:end>
        </d:running-head>
        <d:outline><xsl:call-template name="report-outline"/></d:outline>
      </d:metadata>
      <d:body>
        <xsl:call-template name="report-masthead"/>
        <xsl:call-template name="report-cover"/>
        <xsl:for-each select="$report-node/a:recommendations">
          <d:box role="recommendations" id="{generate-id()}">
            <xsl:apply-templates select="." mode="model-recommendations"/>
          </d:box>
        </xsl:for-each>
        <xsl:if test="$show-toc">
          <xsl:call-template name="report-contents"/>
        </xsl:if>
        <xsl:apply-templates select="$report-sections" mode="model-report-section"/>
        <xsl:apply-templates select="$report-node/a:contact-box" mode="model-report"/>
        <xsl:apply-templates select="$report-node/a:appendices | $report-node/a:background-papers" mode="model-report"/>
      </d:body>
    </d:document>
  </xsl:template>

  <!-- Whose report it is: "Report of", else the CCGs. -->
  <xsl:template name="report-creator">
    <xsl:choose>
      <xsl:when test="$report-node/a:cover/a:report-of">
        <xsl:value-of select="normalize-space($report-node/a:cover/a:report-of)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="ccg-names"><xsl:with-param name="ccgs" select="$the-ccgs"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The running head is the council's, not the CCG's: at the start the
       meeting (the board, its date and, when given, the agenda item), at
       the end the paper's protective marking (the cover's
       classification), else the council. -->
  <xsl:template name="report-running-left">
    <xsl:value-of select="normalize-space($board/a:name)"/>
    <xsl:text>, </xsl:text>
    <!-- The date and the agenda item each stay on one line (no-break
         spaces): "11 / February 2016" would read as two things. -->
    <xsl:variable name="date"><xsl:call-template name="format-date"><xsl:with-param name="date" select="$report-node/@date"/></xsl:call-template></xsl:variable>
    <xsl:value-of select="translate($date, ' ', '&#xA0;')"/>
    <xsl:if test="$report-node/@agenda-item">
      <xsl:text>, </xsl:text>
      <xsl:variable name="item"><xsl:call-template name="text-string"><xsl:with-param name="name" select="'agenda-item'"/></xsl:call-template></xsl:variable>
      <xsl:value-of select="translate($item, ' ', '&#xA0;')"/>
      <xsl:text>&#xA0;</xsl:text>
      <xsl:value-of select="$report-node/@agenda-item"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="report-running-right">
    <xsl:choose>
      <xsl:when test="normalize-space($report-node/a:cover/a:classification) != ''">
        <xsl:value-of select="normalize-space($report-node/a:cover/a:classification)"/>
      </xsl:when>
      <xsl:when test="$council"><xsl:value-of select="normalize-space($council/a:name)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$report-title"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================
       Outline: the recommendations, each section (sub-sections
       nested), and the closing parts.
       ================================================================ -->
  <xsl:template name="report-outline">
    <xsl:for-each select="$report-node/a:recommendations">
      <xsl:variable name="title">
        <xsl:choose>
          <xsl:when test="a:heading"><xsl:value-of select="translate(normalize-space(a:heading), ':', '')"/></xsl:when>
          <xsl:otherwise><xsl:call-template name="report-word"><xsl:with-param name="name" select="'recommendations'"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <d:bookmark ref="{generate-id()}" title="{normalize-space($title)}"/>
    </xsl:for-each>
    <xsl:apply-templates select="$report-sections" mode="model-report-bookmark"/>
    <xsl:for-each select="$report-node/a:contact-box | $report-node/a:appendices | $report-node/a:background-papers">
      <xsl:variable name="title"><xsl:apply-templates select="." mode="closing-title"/></xsl:variable>
      <d:bookmark ref="{generate-id()}" title="{normalize-space($title)}"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="a:section" mode="model-report-bookmark">
    <d:bookmark ref="{generate-id()}">
      <xsl:attribute name="title">
        <xsl:if test="@n"><xsl:value-of select="concat(@n, ' ')"/></xsl:if>
        <xsl:value-of select="normalize-space(a:heading)"/>
      </xsl:attribute>
      <xsl:apply-templates select="a:section" mode="model-report-bookmark"/>
    </d:bookmark>
  </xsl:template>

  <!-- ================================================================
       Masthead and cover sheet
       ================================================================ -->

  <!-- The masthead: the council, the board (the page's top heading) and
       the meeting's date. -->
  <xsl:template name="report-masthead">
    <d:box role="masthead">
      <xsl:if test="$council">
        <d:p role="council"><xsl:value-of select="normalize-space($council/a:name)"/></d:p>
      </xsl:if>
      <d:title><xsl:value-of select="normalize-space($board/a:name)"/></d:title>
      <d:p role="date"><xsl:call-template name="format-date"><xsl:with-param name="date" select="$report-node/@date"/></xsl:call-template></d:p>
    </d:box>
  </xsl:template>

  <!-- The cover sheet: each field of the cover, named by its element,
       with its label and value. -->
  <xsl:template name="report-cover">
    <d:fields role="cover">
      <xsl:for-each select="$report-node/a:cover/*">
        <d:field name="{local-name()}">
          <d:label><xsl:apply-templates select="." mode="cover-label"/></d:label>
          <d:value><xsl:apply-templates select="." mode="model-cover-value"/></d:value>
        </d:field>
      </xsl:for-each>
    </d:fields>
  </xsl:template>

  <!-- A cover field's label: the council's own (@label), else the house
       style's default, else the plain default. -->
  <xsl:template match="a:*" mode="cover-label">
    <xsl:variable name="field" select="local-name()"/>
    <xsl:choose>
      <xsl:when test="@label"><xsl:value-of select="@label"/></xsl:when>
      <xsl:when test="$house-styles/t:house-style[@name = $house-style-name]/t:label[@field = $field]">
        <xsl:value-of select="$house-styles/t:house-style[@name = $house-style-name]/t:label[@field = $field]"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$house-styles/t:house-style[@name = 'default']/t:label[@field = $field]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A word of the house style (e.g. "Email", "Tel"). -->
  <xsl:template name="house-word">
    <xsl:param name="field"/>
    <xsl:choose>
      <xsl:when test="$house-styles/t:house-style[@name = $house-style-name]/t:label[@field = $field]">
        <xsl:value-of select="$house-styles/t:house-style[@name = $house-style-name]/t:label[@field = $field]"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$house-styles/t:house-style[@name = 'default']/t:label[@field = $field]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Cover values: paragraphs. -->
  <xsl:template match="a:*" mode="model-cover-value">
    <d:p><xsl:apply-templates mode="inline"/></d:p>
  </xsl:template>

  <xsl:template match="a:meeting-date" mode="model-cover-value">
    <d:p><xsl:call-template name="format-date"><xsl:with-param name="date" select="$report-node/@date"/></xsl:call-template></d:p>
  </xsl:template>

  <xsl:template match="a:cabinet-member" mode="model-cover-value">
    <d:p role="name"><xsl:value-of select="normalize-space(a:name)"/></d:p>
    <xsl:if test="a:portfolio">
      <d:p role="portfolio"><xsl:value-of select="normalize-space(a:portfolio)"/></d:p>
    </xsl:if>
  </xsl:template>

  <xsl:template match="a:accountable-director | a:author" mode="model-cover-value">
    <xsl:call-template name="person-lines"/>
  </xsl:template>

  <!-- Each accountable employee, a contact: name, job title, then the
       e-mail and telephone after the house style's words for them. -->
  <xsl:template match="a:accountable-employees" mode="model-cover-value">
    <xsl:variable name="email-label"><xsl:call-template name="house-word"><xsl:with-param name="field" select="'email'"/></xsl:call-template></xsl:variable>
    <xsl:variable name="phone-label"><xsl:call-template name="house-word"><xsl:with-param name="field" select="'phone'"/></xsl:call-template></xsl:variable>
    <xsl:for-each select="a:contact">
      <d:group role="contact">
        <xsl:call-template name="person-lines">
          <xsl:with-param name="email-label" select="$email-label"/>
          <xsl:with-param name="phone-label" select="$phone-label"/>
        </xsl:call-template>
      </d:group>
    </xsl:for-each>
  </xsl:template>

  <!-- Each considering body: its name and, when known, the date. -->
  <xsl:template match="a:considered-by" mode="model-cover-value">
    <xsl:for-each select="a:considering-body">
      <d:p role="considering-body">
        <d:span role="body"><xsl:value-of select="normalize-space(a:name)"/></d:span>
        <xsl:if test="@printed-date or @date">
          <xsl:text>, </xsl:text>
          <d:span role="date"><xsl:call-template name="considering-date"/></d:span>
        </xsl:if>
      </d:p>
    </xsl:for-each>
  </xsl:template>

  <!-- The date of a considering body as the report prints it. -->
  <xsl:template name="considering-date">
    <xsl:choose>
      <xsl:when test="@printed-date"><xsl:value-of select="@printed-date"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="format-date"><xsl:with-param name="date" select="@date"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================
       Contents and sections
       ================================================================ -->

  <xsl:template name="report-contents">
    <d:contents>
      <d:heading><xsl:call-template name="text"><xsl:with-param name="name" select="'contents'"/></xsl:call-template></d:heading>
      <xsl:for-each select="$report-sections">
        <d:entry ref="{generate-id()}">
          <xsl:if test="normalize-space(@n) != ''"><xsl:attribute name="number"><xsl:value-of select="@n"/></xsl:attribute></xsl:if>
          <xsl:value-of select="normalize-space(a:heading)"/>
        </d:entry>
      </xsl:for-each>
      <!-- (the contact box has no heading to list: it keeps its bookmark) -->
      <xsl:for-each select="$report-node/a:appendices | $report-node/a:background-papers">
        <d:entry ref="{generate-id()}"><xsl:apply-templates select="." mode="closing-title"/></d:entry>
      </xsl:for-each>
    </d:contents>
  </xsl:template>

  <!-- The titles of the closing parts, for the contents and outline. -->
  <xsl:template match="a:contact-box" mode="closing-title">
    <xsl:call-template name="report-word"><xsl:with-param name="name" select="'contact'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="a:appendices | a:background-papers" mode="closing-title">
    <xsl:choose>
      <xsl:when test="a:heading">
        <xsl:variable name="h" select="normalize-space(a:heading)"/>
        <!-- "APPENDICES:" → "Appendices" -->
        <xsl:variable name="bare" select="translate($h, ':', '')"/>
        <xsl:call-template name="capitalise">
          <xsl:with-param name="s" select="translate($bare, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="report-word"><xsl:with-param name="name" select="local-name()"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Words of the report's own (not the council's): boilerplate "report-…". -->
  <xsl:template name="report-word">
    <xsl:param name="name"/>
    <xsl:call-template name="text-string"><xsl:with-param name="name" select="concat('report-', $name)"/></xsl:call-template>
  </xsl:template>

  <!-- A section: numbered="yes" when its text is in numbered paragraphs
       (numbered paragraphs, or recommendations numbered within it). -->
  <xsl:template match="a:section" mode="model-report-section">
    <d:section id="{generate-id()}">
      <xsl:if test="@n"><xsl:attribute name="number"><xsl:value-of select="@n"/></xsl:attribute></xsl:if>
      <xsl:if test="a:para[@n] or a:recommendations/a:recommendation[contains(@n, '.')]">
        <xsl:attribute name="numbered">yes</xsl:attribute>
      </xsl:if>
      <xsl:if test="$first-section-new-page = 'yes' and not(parent::a:section) and not(preceding-sibling::a:section)">
        <xsl:attribute name="new-page">yes</xsl:attribute>
      </xsl:if>
      <d:heading><xsl:apply-templates select="a:heading" mode="inline"/></d:heading>
      <xsl:apply-templates select="*[not(self::a:heading)]" mode="model-report-body"/>
    </d:section>
  </xsl:template>

  <xsl:template match="a:section" mode="model-report-body">
    <xsl:apply-templates select="." mode="model-report-section"/>
  </xsl:template>

  <xsl:template match="a:*" mode="model-report-body">
    <xsl:apply-templates select="." mode="model-block"/>
  </xsl:template>

  <!-- An unnumbered paragraph of a section, after its run-in heading if
       it has one. -->
  <xsl:template match="a:section/a:para[not(@n)]" mode="model-report-body">
    <d:p>
      <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
      <xsl:call-template name="model-keep-lead-in"/>
      <xsl:for-each select="preceding-sibling::*[1][self::a:subheading][@run-in = 'yes']">
        <d:run-in><xsl:apply-templates mode="inline"/></d:run-in>
        <xsl:text> </xsl:text>
      </xsl:for-each>
      <xsl:apply-templates mode="inline"/>
    </d:p>
  </xsl:template>

  <!-- A sub-heading inside a section (an H2) ranks third, so that a
       screen reader announces no missing level.  A run-in one
       (@run-in="yes", as the seed sets "Level 2: Joint commissioning
       arrangements –") is the start of the paragraph that follows it. -->
  <xsl:template match="a:section/a:subheading[@run-in = 'yes'][following-sibling::*[1][self::a:para[not(@n)]]]" mode="model-report-body" priority="1"/>

  <xsl:template match="a:section/a:subheading" mode="model-report-body">
    <d:subheading level="3"><xsl:apply-templates mode="inline"/></d:subheading>
  </xsl:template>

  <!-- The decision matrix in a report: where no decision has an entry in
       any column, the table says so in the council's words rather than
       leaving the reader to wonder whether ticks were lost. -->
  <xsl:template match="a:decision-matrix" mode="model-report-body">
    <xsl:call-template name="decision-matrix">
      <xsl:with-param name="placeholder" select="."/>
      <xsl:with-param name="note" select="'no'"/>
      <xsl:with-param name="extra-note">
        <xsl:if test="not($root/a:decisions//a:decision[@committee-decision or @approved-policy or @urgent-decision])">
          <xsl:call-template name="text"><xsl:with-param name="name" select="'matrix-empty-note'"/></xsl:call-template>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ================================================================
       Closing parts
       ================================================================ -->

  <xsl:template match="a:contact-box" mode="model-report">
    <d:box role="contact" id="{generate-id()}">
      <xsl:if test="a:lead-in">
        <d:p role="lead-in"><xsl:apply-templates select="a:lead-in" mode="inline"/></d:p>
      </xsl:if>
      <xsl:for-each select="a:contact">
        <d:group role="contact"><xsl:call-template name="person-lines"/></d:group>
      </xsl:for-each>
    </d:box>
  </xsl:template>

  <xsl:template match="a:appendices | a:background-papers" mode="model-report">
    <d:section role="{local-name()}" id="{generate-id()}">
      <d:heading>
        <xsl:choose>
          <xsl:when test="a:heading"><xsl:apply-templates select="a:heading" mode="inline"/></xsl:when>
          <xsl:otherwise><xsl:apply-templates select="." mode="closing-title"/></xsl:otherwise>
        </xsl:choose>
      </d:heading>
      <xsl:variable name="entries" select="a:appendix | a:paper"/>
      <xsl:if test="$entries">
        <d:list type="bulleted">
          <xsl:for-each select="$entries">
            <d:item>
              <xsl:if test="@n"><xsl:attribute name="label"><xsl:value-of select="@n"/></xsl:attribute></xsl:if>
              <xsl:apply-templates select="." mode="closing-entry"/>
            </d:item>
          </xsl:for-each>
        </d:list>
      </xsl:if>
      <xsl:apply-templates select="a:para" mode="model-block"/>
    </d:section>
  </xsl:template>

  <xsl:template match="a:paper" mode="closing-entry">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <xsl:template match="a:appendix" mode="closing-entry">
    <xsl:choose>
      <xsl:when test="@url">
        <xsl:call-template name="external-link">
          <xsl:with-param name="url" select="@url"/>
          <xsl:with-param name="content" select="normalize-space(a:title)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(a:title)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
