<?xml version="1.0" encoding="UTF-8"?>
<!--
  stylesheets/model/common.xsl — what the document stylesheets of the
  model (model/<document>.xsl) share: the arrangement's prose and the
  model texts as the document model's blocks and inlines
  (urn:cocom:document:1, document.rng), and the shared tables (functions
  by model, decision matrix) as model tables.

  The arrangement logic itself (the document's date and what it can know,
  the CCGs and committee it is for, names, dates, labels, the model texts
  and their conditions) is base.xsl's, imported here: the documents not
  yet made through the model still use it straight.  Each template here
  overrides one of base.xsl's that wrote FO, and writes the model
  instead; none of them says how anything looks.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:d="urn:cocom:document:1"
    xmlns:a="urn:cocom:arrangement:1"
    xmlns:t="urn:cocom:templates:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    xmlns:c="urn:cocom:functions:1"
    exclude-result-prefixes="a t exsl str c">

  <xsl:import href="../base.xsl"/>

  <!-- ================================================================
       Inline markup of the arrangement's prose (mode "inline")
       ================================================================ -->

  <xsl:template match="a:em" mode="inline">
    <d:em><xsl:apply-templates mode="inline"/></d:em>
  </xsl:template>

  <xsl:template match="a:strong" mode="inline">
    <d:strong><xsl:apply-templates mode="inline"/></d:strong>
  </xsl:template>

  <!-- Links: external-link and email-link are what the prose's links,
       e-mail addresses and the URLs found in plain text (linkify) all
       come through. -->
  <xsl:template name="external-link">
    <xsl:param name="url"/>
    <xsl:param name="content"/>
    <d:link href="{normalize-space($url)}"><xsl:copy-of select="$content"/></d:link>
  </xsl:template>

  <!-- ================================================================
       Model texts (templates/, mode "fill-element")
       ================================================================ -->

  <xsl:template match="t:cite" mode="fill-element">
    <d:cite><xsl:apply-templates mode="fill"/></d:cite>
  </xsl:template>

  <xsl:template match="t:em" mode="fill-element">
    <d:em><xsl:apply-templates mode="fill"/></d:em>
  </xsl:template>

  <xsl:template match="t:strong" mode="fill-element">
    <d:strong><xsl:apply-templates mode="fill"/></d:strong>
  </xsl:template>

  <!-- A list in a model text: bulleted, or lettered (a), (b) …; the
       items whose conditions hold. -->
  <xsl:template match="t:list" mode="fill-element">
    <d:list>
      <xsl:attribute name="type">
        <xsl:choose>
          <xsl:when test="@type = 'lettered'">lettered</xsl:when>
          <xsl:otherwise>bulleted</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:for-each select="t:item">
        <xsl:variable name="ok"><xsl:call-template name="holds"/></xsl:variable>
        <xsl:if test="$ok = 'yes'">
          <d:item><xsl:apply-templates mode="fill"/></d:item>
        </xsl:if>
      </xsl:for-each>
    </d:list>
  </xsl:template>

  <!-- The conflicts of interest guidance of the document's date, cited. -->
  <xsl:template match="t:slot[@name = 'coi-guidance']" mode="fill-element">
    <xsl:variable name="editions" select="$year-round/t:guidance[@name = 'coi']"/>
    <xsl:variable name="day">
      <xsl:choose>
        <xsl:when test="$dated"><xsl:value-of select="$document-day"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="c:day(concat(substring($root/@year, 1, 4), '-04-01'))"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="out" select="$editions[c:day(@published) &lt;= number($day)]"/>
    <xsl:variable name="g" select="($out[last()] | $editions[1][not($out)])[last()]"/>
    <xsl:choose>
      <xsl:when test="$g">
        <d:cite><xsl:value-of select="normalize-space($g)"/></d:cite>
        <xsl:text> (NHS England, </xsl:text>
        <xsl:call-template name="format-date"><xsl:with-param name="date" select="substring($g/@published, 1, 7)"/></xsl:call-template>
        <xsl:text>)</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message>cocom: warning: the year's round (templates/functions-YYYY-YY.xml) names no conflicts of interest guidance (guidance name="coi")</xsl:message>
        <xsl:call-template name="blank"><xsl:with-param name="length" select="'medium'"/><xsl:with-param name="in-text" select="'yes'"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================
       Blanks
       ================================================================ -->

  <!-- A visible blank: length short, medium or long (to the end of the
       line) as base.xsl's callers give it, or a printed length, which
       the model keeps as the characters it is for (output/fo.xsl turns
       them back: fo-blank-length). -->
  <xsl:template name="blank">
    <xsl:param name="length" select="'short'"/>
    <xsl:param name="in-text" select="'no'"/>
    <d:blank>
      <xsl:attribute name="width">
        <xsl:choose>
          <xsl:when test="$length = 'long'">line</xsl:when>
          <xsl:when test="$length = 'short' or $length = 'medium'"><xsl:value-of select="$length"/></xsl:when>
          <xsl:when test="$length = '8mm'">3</xsl:when>
          <xsl:when test="$length = '10mm'">4</xsl:when>
          <xsl:when test="$length = '12mm'">5</xsl:when>
          <xsl:when test="$length = '15mm'">6</xsl:when>
          <xsl:when test="$length = '20mm'">8</xsl:when>
          <xsl:otherwise>
            <xsl:message terminate="yes">cocom: model/common.xsl: a blank of length "<xsl:value-of select="$length"/>" has no width in characters</xsl:message>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:if test="$in-text = 'yes'"><xsl:attribute name="in-text">yes</xsl:attribute></xsl:if>
    </d:blank>
  </xsl:template>

  <xsl:template name="blank-lines">
    <xsl:param name="lines" select="2"/>
    <xsl:if test="$lines &gt; 0">
      <d:blank-lines lines="{$lines}"/>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================
       The arrangement's prose as blocks (mode "model-block")
       ================================================================ -->

  <!-- Does a paragraph lead into what follows it ("There are two
       possible models:")?  Then it is kept with it. -->
  <xsl:template name="model-keep-lead-in">
    <xsl:if test="following-sibling::*
                  and substring(normalize-space(.), string-length(normalize-space(.))) = ':'">
      <xsl:attribute name="keep">with-next</xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- A paragraph: numbered, a clause; else a paragraph. -->
  <xsl:template match="a:para" mode="model-block">
    <xsl:choose>
      <xsl:when test="normalize-space(@n) != ''">
        <d:clause number="{@n}">
          <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
          <xsl:call-template name="model-keep-lead-in"/>
          <xsl:apply-templates mode="inline"/>
        </d:clause>
      </xsl:when>
      <xsl:otherwise>
        <d:p>
          <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
          <xsl:call-template name="model-keep-lead-in"/>
          <xsl:apply-templates mode="inline"/>
        </d:p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="a:subheading" mode="model-block">
    <d:subheading><xsl:apply-templates mode="inline"/></d:subheading>
  </xsl:template>

  <xsl:template match="a:list" mode="model-block">
    <d:list>
      <xsl:attribute name="type">
        <xsl:choose>
          <xsl:when test="@type = 'numbered'">numbered</xsl:when>
          <xsl:otherwise>bulleted</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:for-each select="a:item">
        <d:item>
          <xsl:if test="@n"><xsl:attribute name="label"><xsl:value-of select="@n"/></xsl:attribute></xsl:if>
          <xsl:apply-templates select="node()[not(self::a:list)]" mode="inline"/>
          <xsl:apply-templates select="a:list" mode="model-block"/>
        </d:item>
      </xsl:for-each>
    </d:list>
  </xsl:template>

  <!-- A table typed in prose: its columns equal. -->
  <xsl:template match="a:table" mode="model-block">
    <xsl:variable name="first-row" select="(a:head/a:row | a:row)[1]"/>
    <xsl:variable name="ncols" select="count($first-row/a:cell[not(@colspan)]) + sum($first-row/a:cell/@colspan)"/>
    <d:table>
      <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
      <xsl:if test="a:caption">
        <d:caption><xsl:apply-templates select="a:caption" mode="inline"/></d:caption>
      </xsl:if>
      <xsl:call-template name="model-columns"><xsl:with-param name="n" select="$ncols"/></xsl:call-template>
      <xsl:if test="a:head">
        <d:head>
          <xsl:for-each select="a:head/a:row">
            <d:row>
              <xsl:for-each select="a:cell">
                <d:th scope="col"><xsl:call-template name="model-cell-spans"/><xsl:apply-templates mode="inline"/></d:th>
              </xsl:for-each>
            </d:row>
          </xsl:for-each>
        </d:head>
      </xsl:if>
      <d:body>
        <xsl:for-each select="a:row">
          <d:row>
            <xsl:for-each select="a:cell">
              <d:td><xsl:call-template name="model-cell-spans"/><xsl:apply-templates mode="inline"/></d:td>
            </xsl:for-each>
          </d:row>
        </xsl:for-each>
      </d:body>
    </d:table>
  </xsl:template>

  <xsl:template name="model-cell-spans">
    <xsl:if test="@colspan"><xsl:attribute name="colspan"><xsl:value-of select="@colspan"/></xsl:attribute></xsl:if>
    <xsl:if test="@rowspan"><xsl:attribute name="rowspan"><xsl:value-of select="@rowspan"/></xsl:attribute></xsl:if>
  </xsl:template>

  <!-- n equal columns. -->
  <xsl:template name="model-columns">
    <xsl:param name="n"/>
    <xsl:if test="$n &gt; 0">
      <d:col width="1"/>
      <xsl:call-template name="model-columns"><xsl:with-param name="n" select="$n - 1"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Recommendations: a heading one level below what holds them (so
       that no level is skipped), the lead-in, each recommendation a
       clause with its printed number. -->
  <xsl:template match="a:recommendations" mode="model-recommendations">
    <xsl:if test="a:heading">
      <d:subheading level="{2 + count(parent::a:section)}"><xsl:apply-templates select="a:heading" mode="inline"/></d:subheading>
    </xsl:if>
    <xsl:if test="a:lead-in">
      <d:p role="lead-in"><xsl:apply-templates select="a:lead-in" mode="inline"/></d:p>
    </xsl:if>
    <xsl:for-each select="a:recommendation">
      <d:clause>
        <xsl:attribute name="number"><xsl:call-template name="recommendation-number"/></xsl:attribute>
        <xsl:apply-templates mode="inline"/>
      </d:clause>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="a:recommendations" mode="model-block">
    <d:group role="recommendations">
      <xsl:apply-templates select="." mode="model-recommendations"/>
    </d:group>
  </xsl:template>

  <xsl:template match="a:functions-table" mode="model-block">
    <xsl:call-template name="functions-table">
      <xsl:with-param name="placeholder" select="."/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="a:decision-matrix" mode="model-block">
    <xsl:call-template name="decision-matrix">
      <xsl:with-param name="placeholder" select="."/>
    </xsl:call-template>
  </xsl:template>

  <!-- Anything else: its inline content as a paragraph. -->
  <xsl:template match="a:*" mode="model-block">
    <d:p><xsl:apply-templates mode="inline"/></d:p>
  </xsl:template>

  <!-- ================================================================
       People
       ================================================================ -->

  <!-- A person as lines: name, job title, organisation, then e-mail
       addresses and telephone numbers (each after its label when one is
       given), each line a paragraph whose role says what it is. -->
  <xsl:template name="person-lines">
    <xsl:param name="person" select="."/>
    <xsl:param name="email-label" select="''"/>
    <xsl:param name="phone-label" select="''"/>
    <xsl:for-each select="$person/a:name | $person/a:job-title | $person/a:organisation">
      <d:p role="{local-name()}"><xsl:value-of select="normalize-space(.)"/></d:p>
    </xsl:for-each>
    <xsl:for-each select="$person/a:email">
      <d:p role="email">
        <xsl:if test="$email-label != ''"><d:span role="label"><xsl:value-of select="$email-label"/></d:span><xsl:text> </xsl:text></xsl:if>
        <xsl:call-template name="email-link"><xsl:with-param name="address" select="normalize-space(.)"/></xsl:call-template>
      </d:p>
    </xsl:for-each>
    <xsl:for-each select="$person/a:phone">
      <d:p role="phone">
        <xsl:if test="$phone-label != ''"><d:span role="label"><xsl:value-of select="$phone-label"/></d:span><xsl:text> </xsl:text></xsl:if>
        <xsl:value-of select="normalize-space(.)"/>
      </d:p>
    </xsl:for-each>
  </xsl:template>

  <!-- ================================================================
       The shared tables
       ================================================================ -->

  <!-- The functions by model (base.xsl's functions-table, as a model
       table): the same parameters. -->
  <xsl:template name="functions-table">
    <xsl:param name="placeholder" select="/.."/>
    <xsl:param name="functions" select="$root/a:scope/a:function[a:offer or @key = $functions-template/t:function[@in-table = 'yes']/@key]"/>
    <xsl:param name="columns">
      <xsl:choose>
        <xsl:when test="$placeholder/a:column-heading">
          <xsl:for-each select="$placeholder/a:column-heading"><xsl:value-of select="concat(@column, ' ')"/></xsl:for-each>
        </xsl:when>
        <xsl:otherwise>function greater-involvement joint delegated</xsl:otherwise>
      </xsl:choose>
    </xsl:param>
    <xsl:param name="note" select="'yes'"/>
    <xsl:param name="caption" select="''"/>
    <xsl:variable name="cols" select="str:tokenize(normalize-space($columns), ' ')"/>
    <xsl:variable name="rows-rtf">
      <xsl:choose>
        <xsl:when test="$placeholder/@functions">
          <xsl:for-each select="str:tokenize(normalize-space($placeholder/@functions), ' ')">
            <xsl:variable name="fid" select="string(.)"/>
            <xsl:for-each select="$root">
              <xsl:for-each select="key('by-id', $fid)[self::a:function]">
                <row id="{@id}"/>
              </xsl:for-each>
            </xsl:for-each>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="$functions"><row id="{@id}"/></xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="rows" select="exsl:node-set($rows-rtf)/*"/>
    <xsl:variable name="row-functions" select="$root/a:scope/a:function[@id = $rows/@id]"/>
    <d:table role="functions">
      <xsl:if test="$caption != ''"><d:caption><xsl:value-of select="$caption"/></d:caption></xsl:if>
      <xsl:for-each select="$cols">
        <xsl:choose>
          <xsl:when test=". = 'function'"><d:col width="5"/></xsl:when>
          <xsl:otherwise><d:col width="4"/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <d:head>
        <d:row keep="together">
          <xsl:for-each select="$cols">
            <xsl:variable name="c" select="string(.)"/>
            <d:th scope="col">
              <xsl:choose>
                <xsl:when test="$placeholder/a:column-heading[@column = $c]">
                  <xsl:apply-templates select="$placeholder/a:column-heading[@column = $c]" mode="inline"/>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:value-of select="$functions-template/t:column[@model = $c or @name = $c]"/>
                </xsl:otherwise>
              </xsl:choose>
            </d:th>
          </xsl:for-each>
        </d:row>
      </d:head>
      <d:body>
        <xsl:for-each select="$rows">
          <xsl:variable name="rid" select="@id"/>
          <xsl:variable name="f" select="$row-functions[@id = $rid]"/>
          <d:row keep="together">
            <xsl:for-each select="$cols">
              <d:td>
                <xsl:call-template name="functions-table-cell">
                  <xsl:with-param name="function" select="$f"/>
                  <xsl:with-param name="column" select="string(.)"/>
                </xsl:call-template>
              </d:td>
            </xsl:for-each>
          </d:row>
        </xsl:for-each>
      </d:body>
      <!-- The source, when any model cell shown comes from the national table. -->
      <xsl:variable name="model-cols" select="$cols[. = 'greater-involvement' or . = 'joint' or . = 'delegated']"/>
      <xsl:if test="$note = 'yes' and $model-cols and $row-functions[not(a:offer[@model = $model-cols])]">
        <d:note><xsl:call-template name="text"><xsl:with-param name="name" select="'functions-table-source'"/></xsl:call-template></d:note>
      </xsl:if>
    </d:table>
  </xsl:template>

  <!-- The decision matrix (base.xsl's decision-matrix, as a model
       table).  empty-note: a note to add (an RTF of inlines), e.g. that
       no decision has an entry yet. -->
  <xsl:template name="decision-matrix">
    <xsl:param name="placeholder" select="/.."/>
    <xsl:param name="note" select="'yes'"/>
    <xsl:param name="caption" select="''"/>
    <xsl:param name="extra-note"/>
    <xsl:variable name="groups-rtf">
      <xsl:choose>
        <xsl:when test="$placeholder/@groups">
          <xsl:for-each select="str:tokenize(normalize-space($placeholder/@groups), ' ')">
            <g id="{.}"/>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="$root/a:decisions/a:decision-group"><g id="{@id}"/></xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="order" select="exsl:node-set($groups-rtf)/*"/>
    <xsl:variable name="cols" select="str:tokenize('group decision committee-decision approved-policy urgent-decision', ' ')"/>
    <d:table role="decision-matrix">
      <xsl:if test="$caption != ''"><d:caption><xsl:value-of select="$caption"/></d:caption></xsl:if>
      <d:col width="19"/><d:col width="30"/><d:col width="17"/><d:col width="17"/><d:col width="17"/>
      <d:head>
        <d:row keep="together">
          <xsl:for-each select="$cols">
            <xsl:variable name="c" select="string(.)"/>
            <d:th scope="col">
              <xsl:choose>
                <xsl:when test="$placeholder/a:column-heading[@column = $c]">
                  <xsl:apply-templates select="$placeholder/a:column-heading[@column = $c]" mode="inline"/>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:call-template name="text"><xsl:with-param name="name" select="concat('col-', $c)"/></xsl:call-template>
                </xsl:otherwise>
              </xsl:choose>
            </d:th>
          </xsl:for-each>
        </d:row>
      </d:head>
      <d:body>
        <xsl:for-each select="$order">
          <xsl:variable name="gid" select="@id"/>
          <xsl:variable name="g" select="$root/a:decisions/a:decision-group[@id = $gid]"/>
          <xsl:for-each select="$g/a:decision">
            <d:row keep="together">
              <xsl:if test="position() = 1">
                <d:th scope="rowgroup" rowspan="{count($g/a:decision)}"><xsl:value-of select="normalize-space($g/a:name)"/></d:th>
              </xsl:if>
              <d:td><xsl:value-of select="normalize-space(a:name)"/></d:td>
              <xsl:call-template name="matrix-cell"><xsl:with-param name="flag" select="@committee-decision"/></xsl:call-template>
              <xsl:call-template name="matrix-cell"><xsl:with-param name="flag" select="@approved-policy"/></xsl:call-template>
              <xsl:call-template name="matrix-cell"><xsl:with-param name="flag" select="@urgent-decision"/></xsl:call-template>
            </d:row>
          </xsl:for-each>
        </xsl:for-each>
      </d:body>
      <xsl:if test="$note = 'yes' and $root/a:decisions//a:decision[not(@committee-decision and @approved-policy and @urgent-decision)]">
        <d:note><xsl:call-template name="text"><xsl:with-param name="name" select="'matrix-unknown-note'"/></xsl:call-template></d:note>
      </xsl:if>
      <xsl:if test="exsl:node-set($extra-note)/node()">
        <d:note><xsl:copy-of select="$extra-note"/></d:note>
      </xsl:if>
    </d:table>
  </xsl:template>

  <!-- A cell of the decision matrix: Yes, No, or empty where the data
       does not say. -->
  <xsl:template name="matrix-cell">
    <xsl:param name="flag"/>
    <d:td align="center">
      <xsl:choose>
        <xsl:when test="string($flag) = 'yes'">
          <xsl:call-template name="text"><xsl:with-param name="name" select="'matrix-yes'"/></xsl:call-template>
        </xsl:when>
        <xsl:when test="string($flag) = 'no'">
          <xsl:call-template name="text"><xsl:with-param name="name" select="'matrix-no'"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:call-template name="matrix-unknown-cell"/></xsl:otherwise>
      </xsl:choose>
    </d:td>
  </xsl:template>
  <!-- A cell of the decision matrix the data does not fill: empty (a
       document may make it a blank to complete). -->
  <xsl:template name="matrix-unknown-cell"/>

  <!-- ================================================================
       Blanks that fill a cell, signatures, the membership table
       ================================================================ -->

  <!-- A cell that is all blank: a blank to the end of the line.
       minimum: the least room it keeps (the membership table's names),
       said as its purpose, a name. -->
  <xsl:template name="blank-fill">
    <xsl:param name="minimum" select="''"/>
    <d:blank width="line">
      <xsl:if test="$minimum != ''"><xsl:attribute name="purpose">name</xsl:attribute></xsl:if>
    </d:blank>
  </xsl:template>

  <xsl:template name="blank-cells">
    <xsl:param name="n"/>
    <xsl:if test="$n &gt; 0">
      <d:td><xsl:call-template name="blank-fill"/></d:td>
      <xsl:call-template name="blank-cells"><xsl:with-param name="n" select="$n - 1"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A signature block (base.xsl's signature-block, as the model's
       signature): for whom, then signed, name, position and date, each
       known value or a blank to complete. -->
  <xsl:template name="signature-block">
    <xsl:param name="labels"/>
    <xsl:param name="organisation"/>
    <xsl:param name="person" select="/.."/>
    <xsl:param name="position" select="''"/>
    <xsl:param name="keep-with-previous" select="'no'"/>
    <d:signature>
      <xsl:if test="$keep-with-previous = 'yes'"><xsl:attribute name="keep">with-previous</xsl:attribute></xsl:if>
      <d:party label="{$labels/t:label[@name = 'for']}"><xsl:value-of select="normalize-space($organisation)"/></d:party>
      <xsl:call-template name="signature-field">
        <xsl:with-param name="name" select="'signed'"/>
        <xsl:with-param name="label" select="$labels/t:label[@name = 'signed']"/>
      </xsl:call-template>
      <xsl:call-template name="signature-field">
        <xsl:with-param name="name" select="'name'"/>
        <xsl:with-param name="label" select="$labels/t:label[@name = 'name']"/>
        <xsl:with-param name="value" select="normalize-space($person/a:name)"/>
      </xsl:call-template>
      <xsl:call-template name="signature-field">
        <xsl:with-param name="name" select="'position'"/>
        <xsl:with-param name="label" select="$labels/t:label[@name = 'position']"/>
        <xsl:with-param name="value">
          <xsl:choose>
            <xsl:when test="$person/a:job-title"><xsl:value-of select="normalize-space($person/a:job-title)"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="normalize-space($position)"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="signature-field">
        <xsl:with-param name="name" select="'date'"/>
        <xsl:with-param name="label" select="$labels/t:label[@name = 'date']"/>
      </xsl:call-template>
    </d:signature>
  </xsl:template>

  <xsl:template name="signature-field">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="value" select="''"/>
    <d:field name="{$name}">
      <d:label><xsl:value-of select="$label"/></d:label>
      <d:value>
        <xsl:choose>
          <xsl:when test="normalize-space($value) != ''"><xsl:value-of select="$value"/></xsl:when>
          <xsl:otherwise><xsl:call-template name="blank-fill"/></xsl:otherwise>
        </xsl:choose>
      </d:value>
    </d:field>
  </xsl:template>

  <!-- The membership table of a committee (base.xsl's membership-table,
       as a model table): each seat with its holder, organisation,
       capacity, voting right and vote weight; blank rows to fill in when
       the committee lists no members.  Columns sized by their content
       where the output can. -->
  <xsl:template name="membership-table">
    <xsl:param name="committee" select="$the-committee"/>
    <xsl:param name="caption" select="''"/>
    <d:table role="membership" column-sizing="content">
      <xsl:if test="$caption != ''"><d:caption><xsl:value-of select="$caption"/></d:caption></xsl:if>
      <d:col width="20"/><d:col width="13"/><d:col width="20"/><d:col width="16"/><d:col width="12"/><d:col width="19"/>
      <d:head>
        <d:row keep="together">
          <xsl:for-each select="str:tokenize('seat name organisation capacity voting weight', ' ')">
            <d:th scope="col"><xsl:call-template name="text"><xsl:with-param name="name" select="concat('col-', .)"/></xsl:call-template></d:th>
          </xsl:for-each>
        </d:row>
      </d:head>
      <d:body>
        <xsl:for-each select="$committee/a:member">
          <d:row keep="together">
            <d:th scope="row"><xsl:call-template name="member-seat"/></d:th>
            <d:td>
              <xsl:choose>
                <xsl:when test="a:name | $root/a:people/a:person[@id = current()/@person]/a:name"><xsl:value-of select="normalize-space(a:name | $root/a:people/a:person[@id = current()/@person]/a:name)"/></xsl:when>
                <xsl:when test="@status = 'vacant' or @count = 'unstated' or @count &gt; 1">&#x2013;</xsl:when>
                <xsl:otherwise>
                  <xsl:call-template name="blank-fill"><xsl:with-param name="minimum" select="'name'"/></xsl:call-template>
                </xsl:otherwise>
              </xsl:choose>
            </d:td>
            <d:td>
              <xsl:choose>
                <xsl:when test="@org"><xsl:call-template name="party-name"><xsl:with-param name="id" select="@org"/></xsl:call-template></xsl:when>
                <xsl:otherwise><xsl:call-template name="blank-fill"/></xsl:otherwise>
              </xsl:choose>
            </d:td>
            <d:td>
              <xsl:call-template name="label">
                <xsl:with-param name="set" select="'member-role'"/>
                <xsl:with-param name="value" select="@role"/>
              </xsl:call-template>
              <xsl:if test="@profession">
                <xsl:text> (</xsl:text>
                <xsl:call-template name="label">
                  <xsl:with-param name="set" select="'profession'"/>
                  <xsl:with-param name="value" select="@profession"/>
                </xsl:call-template>
                <xsl:text>)</xsl:text>
              </xsl:if>
            </d:td>
            <d:td><xsl:call-template name="yes-no"><xsl:with-param name="flag" select="@voting"/></xsl:call-template></d:td>
            <d:td><xsl:call-template name="member-weight"><xsl:with-param name="committee" select="$committee"/></xsl:call-template></d:td>
          </d:row>
        </xsl:for-each>
        <xsl:if test="not($committee/a:member)">
          <xsl:call-template name="blank-member-rows"><xsl:with-param name="n" select="$blank-member-rows"/></xsl:call-template>
        </xsl:if>
      </d:body>
    </d:table>
  </xsl:template>

  <xsl:template name="blank-member-rows">
    <xsl:param name="n"/>
    <xsl:if test="$n &gt; 0">
      <d:row><xsl:call-template name="blank-cells"><xsl:with-param name="n" select="6"/></xsl:call-template></d:row>
      <xsl:call-template name="blank-member-rows"><xsl:with-param name="n" select="$n - 1"/></xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
