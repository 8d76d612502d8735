<?xml version="1.0" encoding="UTF-8"?>
<!--
  stylesheets/model/mandate-summary.xsl — a one-page summary of a CCG's
  practice ballot (mandate/ballot, mandate/ballot-return), as the CCG
  reports it to its governing body and NHS England, as a document of the
  model (urn:cocom:document:1): the ballot's dates and its status on the
  summary's date, the returns by model with the turnout against the
  member practices, the result, the member vote and governing body
  decision known on that date, and the returns themselves.  Words:
  templates/ballot.xml, <summary>.

  What the summary holds, never how it looks: stylesheets/
  mandate-summary.xsl turns this into FO (output/fo.xsl).  Run alone, it
  writes the model:
    xsltproc -stringparam ccg ID stylesheets/model/mandate-summary.xsl arrangement.xml

  Voice: NHS England's (the default, nhse): the summary is the CCG's paper
  to its governing body and to NHS England, so the models are "joint
  commissioning", "delegated commissioning", not the LMC's "Model II/III"
  that the practices marked on the ballot paper.

  Its date: mandate/ballot/@counted, else @closes (param as-at overrides).
  A return dated after that is not counted; an undated return is (it is
  in the count the data records).

  What it never does: print "in favour" (the result, or the member vote's
  result) unless the returns show a majority of all member practices for
  that model, or the vote's own counts show it.  With the ballot open, the
  number of member practices unknown, or returns from no more than half of
  the member practices, it says what the returns are, not a result.

  Parameters: ccg — the ccg/@id (default: the first CCG);
  list-returns-max — the returns are listed one by one when there are at
  most this many (the summary stays on one page).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:d="urn:cocom:document:1"
    xmlns:a="urn:cocom:arrangement:1"
    xmlns:t="urn:cocom:templates:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:c="urn:cocom:functions:1"
    exclude-result-prefixes="a t exsl c">

  <xsl:import href="common.xsl"/>

  <xsl:param name="ballot-file" select="'../../templates/ballot.xml'"/>
  <!-- List the returns one by one when there are at most this many (the
       summary stays on one page). -->
  <xsl:param name="list-returns-max" select="8"/>

  <xsl:variable name="w" select="document($ballot-file)/t:ballot/t:summary"/>

  <xsl:template name="document-date-default">
    <xsl:value-of select="($the-ballot/@counted | $the-ballot/@closes[not(../@counted)])[1]"/>
  </xsl:template>

  <!-- The returns counted on the summary's date. -->
  <xsl:variable name="returns" select="$the-mandate/a:ballot-return[c:not-later(.)]"/>
  <xsl:variable name="n-returns" select="count($returns)"/>
  <xsl:variable name="members">
    <xsl:call-template name="member-practice-count"/>
  </xsl:variable>
  <xsl:variable name="model-labels" select="$labels/t:set[@name = 'model']/t:label"/>

  <!-- The ballot's status on the summary's date: not-issued, open, closed,
       or '' (not known: the summary or the ballot has no date). -->
  <xsl:variable name="status">
    <xsl:choose>
      <xsl:when test="not($dated)"/>
      <xsl:when test="$the-ballot/@issued[not(c:date-known(.))]">not-issued</xsl:when>
      <xsl:when test="not($the-ballot/@closes)"/>
      <xsl:when test="not(c:date-known($the-ballot/@closes))">open</xsl:when>
      <xsl:otherwise>closed</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- The models by returns, most first. -->
  <xsl:variable name="winner-rtf">
    <xsl:for-each select="$model-labels">
      <xsl:sort select="count($returns[@model = current()/@value])" data-type="number" order="descending"/>
      <m value="{@value}" n="{count($returns[@model = current()/@value])}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="ranked" select="exsl:node-set($winner-rtf)/m"/>

  <!-- The model a majority of all member practices returned a ballot
       for, when the ballot is not open: the only model this summary may
       call the practices "in favour" of. -->
  <xsl:variable name="majority-model">
    <xsl:if test="$status != 'open' and $status != 'not-issued' and $members != '' and $ranked[1]/@n * 2 &gt; number($members)">
      <xsl:value-of select="$ranked[1]/@value"/>
    </xsl:if>
  </xsl:variable>

  <xsl:template match="t:slot[@name = 'winner']" mode="fill-element">
    <xsl:call-template name="model-name"><xsl:with-param name="value" select="$ranked[1]/@value"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="t:slot[@name = 'winner-count']" mode="fill-element">
    <xsl:value-of select="$ranked[1]/@n"/>
  </xsl:template>
  <xsl:template match="t:slot[@name = 'returns']" mode="fill-element">
    <xsl:value-of select="$n-returns"/>
  </xsl:template>
  <xsl:template match="t:slot[@name = 'members']" mode="fill-element">
    <xsl:value-of select="$members"/>
  </xsl:template>
  <xsl:template match="t:slot[@name = 'as-at']" mode="fill-element">
    <xsl:call-template name="format-date"><xsl:with-param name="date" select="$document-date"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="t:slot[@name = 'closes']" mode="fill-element">
    <xsl:call-template name="format-date"><xsl:with-param name="date" select="$the-ballot/@closes"/></xsl:call-template>
  </xsl:template>

  <!-- "Delegated commissioning", in the document's voice. -->
  <xsl:template name="model-name">
    <xsl:param name="value"/>
    <xsl:call-template name="label">
      <xsl:with-param name="set" select="'model'"/>
      <xsl:with-param name="value" select="$value"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="percent">
    <xsl:param name="n"/>
    <xsl:param name="of"/>
    <xsl:if test="$of &gt; 0"><xsl:value-of select="format-number($n div $of, '0%')"/></xsl:if>
  </xsl:template>

  <!-- ================================================================ -->
  <xsl:template match="/">
    <xsl:if test="not($the-ccg)">
      <xsl:message terminate="yes">cocom: the arrangement has no CCG<xsl:if test="$ccg != ''"> with the id "<xsl:value-of select="$ccg"/>"</xsl:if></xsl:message>
    </xsl:if>
    <xsl:variable name="doc-name"><xsl:call-template name="text-string"><xsl:with-param name="name" select="'title-mandate-summary'"/></xsl:call-template></xsl:variable>
    <d:document type="mandate-summary" xml:lang="{$doc-lang}">
      <d:metadata>
        <d:title><xsl:value-of select="concat($doc-name, ': ', normalize-space($the-ccg/a:name), ', ', $root/@year)"/></d:title>
        <d:issuer><xsl:call-template name="ccg-names"><xsl:with-param name="ccgs" select="$the-ccgs"/></xsl:call-template></d:issuer>
        <d:description><xsl:call-template name="text-string"><xsl:with-param name="name" select="'describe-mandate-summary'"/></xsl:call-template></d:description>
        <xsl:if test="$dated">
          <d:date value="{normalize-space($document-date)}"><xsl:call-template name="format-date"><xsl:with-param name="date" select="$document-date"/></xsl:call-template></d:date>
        </xsl:if>
        <d:running-head>
          <d:start><xsl:value-of select="$doc-name"/></d:start>
          <d:end><xsl:call-template name="running-ccgs"/></d:end>
        </d:running-head>
        <d:outline>
          <d:bookmark ref="ms-result">
            <xsl:attribute name="title"><xsl:call-template name="filled-string"><xsl:with-param name="t" select="$w/t:result"/></xsl:call-template></xsl:attribute>
          </d:bookmark>
          <xsl:if test="$returns">
            <d:bookmark ref="ms-returns">
              <xsl:attribute name="title"><xsl:call-template name="filled-string"><xsl:with-param name="t" select="$w/t:returns-heading"/></xsl:call-template></xsl:attribute>
            </d:bookmark>
          </xsl:if>
        </d:outline>
      </d:metadata>
      <d:body>
        <xsl:call-template name="summary.content"/>
      </d:body>
    </d:document>
  </xsl:template>

  <!-- A model text of the summary, filled, as one string. -->
  <xsl:template name="filled-string">
    <xsl:param name="t"/>
    <xsl:variable name="rtf"><xsl:apply-templates select="$t/node()" mode="fill"/></xsl:variable>
    <xsl:value-of select="normalize-space($rtf)"/>
  </xsl:template>

  <!-- "Label:" and its value: one of the ballot's facts. -->
  <xsl:template name="summary.fact">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <d:field name="{$name}">
      <d:label><xsl:copy-of select="$label"/>:</d:label>
      <d:value><xsl:copy-of select="$value"/></d:value>
    </d:field>
  </xsl:template>

  <xsl:template name="summary.content">
    <d:title><xsl:apply-templates select="$w/t:title/node()" mode="fill"/></d:title>
    <d:subtitle><xsl:apply-templates select="$w/t:subtitle/node()" mode="fill"/></d:subtitle>
    <d:p role="intro">
      <xsl:choose>
        <xsl:when test="$dated"><xsl:apply-templates select="$w/t:intro-dated/node()" mode="fill"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="$w/t:intro/node()" mode="fill"/></xsl:otherwise>
      </xsl:choose>
    </d:p>

    <!-- The ballot: its dates, its status on this date, the membership. -->
    <d:fields role="facts">
      <xsl:call-template name="summary.fact">
        <xsl:with-param name="name" select="'issued'"/>
        <xsl:with-param name="label"><xsl:apply-templates select="$w/t:issued/node()" mode="fill"/></xsl:with-param>
        <xsl:with-param name="value"><xsl:call-template name="date-or-blank"><xsl:with-param name="date" select="$the-ballot/@issued"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="summary.fact">
        <xsl:with-param name="name" select="'closes'"/>
        <xsl:with-param name="label"><xsl:apply-templates select="$w/t:closes/node()" mode="fill"/></xsl:with-param>
        <xsl:with-param name="value"><xsl:call-template name="date-or-blank"><xsl:with-param name="date" select="$the-ballot/@closes"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="summary.fact">
        <xsl:with-param name="name" select="'status'"/>
        <xsl:with-param name="label">
          <xsl:choose>
            <xsl:when test="$dated"><xsl:apply-templates select="$w/t:status-on/node()" mode="fill"/></xsl:when>
            <xsl:otherwise><xsl:apply-templates select="$w/t:status/node()" mode="fill"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="value">
          <xsl:choose>
            <xsl:when test="$status = 'open'"><xsl:apply-templates select="$w/t:status-open/node()" mode="fill"/></xsl:when>
            <xsl:when test="$status = 'closed'"><xsl:apply-templates select="$w/t:status-closed/node()" mode="fill"/></xsl:when>
            <xsl:when test="$status = 'not-issued'"><xsl:apply-templates select="$w/t:status-not-issued/node()" mode="fill"/></xsl:when>
            <xsl:otherwise><xsl:call-template name="blank"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="summary.fact">
        <xsl:with-param name="name" select="'members'"/>
        <xsl:with-param name="label"><xsl:apply-templates select="$w/t:members/node()" mode="fill"/></xsl:with-param>
        <xsl:with-param name="value">
          <xsl:choose>
            <xsl:when test="$members != ''"><xsl:value-of select="$members"/></xsl:when>
            <xsl:otherwise><xsl:call-template name="blank"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </d:fields>

    <!-- Returns by model: a model's name heads its row; the counts and
         shares are numbers (aligned to the end). -->
    <d:table role="returns-by-model">
      <d:col width="60"/><d:col width="20"/><d:col width="20"/>
      <d:head>
        <d:row>
          <d:th scope="col"><xsl:apply-templates select="$w/t:col-model/node()" mode="fill"/></d:th>
          <d:th scope="col"><xsl:apply-templates select="$w/t:col-returns/node()" mode="fill"/></d:th>
          <d:th scope="col"><xsl:apply-templates select="$w/t:col-share/node()" mode="fill"/></d:th>
        </d:row>
      </d:head>
      <d:body>
        <xsl:for-each select="$model-labels">
          <xsl:variable name="n" select="count($returns[@model = current()/@value])"/>
          <d:row>
            <d:th scope="row">
              <xsl:call-template name="capitalise">
                <xsl:with-param name="s"><xsl:call-template name="model-name"><xsl:with-param name="value" select="@value"/></xsl:call-template></xsl:with-param>
              </xsl:call-template>
            </d:th>
            <d:td align="end"><xsl:value-of select="$n"/></d:td>
            <d:td align="end"><xsl:call-template name="percent"><xsl:with-param name="n" select="$n"/><xsl:with-param name="of" select="$n-returns"/></xsl:call-template></d:td>
          </d:row>
        </xsl:for-each>
        <d:row role="total">
          <d:th scope="row"><xsl:apply-templates select="$w/t:total/node()" mode="fill"/></d:th>
          <d:td align="end"><xsl:value-of select="$n-returns"/></d:td>
          <d:td align="end"><xsl:if test="$returns">100%</xsl:if></d:td>
        </d:row>
      </d:body>
    </d:table>

    <!-- Turnout: returns against the member practices. -->
    <d:p role="turnout">
      <d:run-in><xsl:apply-templates select="$w/t:turnout/node()" mode="fill"/>:</d:run-in>
      <xsl:text> </xsl:text>
      <xsl:value-of select="$n-returns"/>
      <xsl:text> </xsl:text>
      <xsl:apply-templates select="$w/t:turnout-of/node()" mode="fill"/>
      <xsl:text> </xsl:text>
      <xsl:choose>
        <xsl:when test="$members != ''">
          <xsl:value-of select="concat($members, ' ')"/>
          <xsl:apply-templates select="$w/t:member-practices/node()" mode="fill"/>
          <xsl:text> (</xsl:text>
          <xsl:call-template name="percent"><xsl:with-param name="n" select="$n-returns"/><xsl:with-param name="of" select="$members"/></xsl:call-template>
          <xsl:text>)</xsl:text>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="blank"/>
          <xsl:text> </xsl:text>
          <xsl:apply-templates select="$w/t:member-practices/node()" mode="fill"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text>.</xsl:text>
    </d:p>

    <!-- The result: only what the returns show. -->
    <d:p role="result" id="ms-result">
      <d:run-in><xsl:apply-templates select="$w/t:result/node()" mode="fill"/>:</d:run-in>
      <xsl:text> </xsl:text>
      <xsl:choose>
        <xsl:when test="$status = 'open'"><xsl:apply-templates select="$w/t:result-open/node()" mode="fill"/></xsl:when>
        <xsl:when test="$status = 'not-issued' or $members = ''"><xsl:call-template name="blank"/></xsl:when>
        <xsl:when test="not($returns)"><xsl:apply-templates select="$w/t:result-none/node()" mode="fill"/></xsl:when>
        <xsl:when test="$n-returns * 2 &lt;= number($members)"><xsl:apply-templates select="$w/t:result-low-turnout/node()" mode="fill"/></xsl:when>
        <xsl:when test="$majority-model != ''"><xsl:apply-templates select="$w/t:result-in-favour/node()" mode="fill"/></xsl:when>
        <xsl:when test="$ranked[1]/@n = $ranked[2]/@n"><xsl:apply-templates select="$w/t:result-tie/node()" mode="fill"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="$w/t:result-plurality/node()" mode="fill"/></xsl:otherwise>
      </xsl:choose>
    </d:p>
    <d:p role="proposed"><xsl:apply-templates select="$w/t:proposed/node()" mode="fill"/></d:p>

    <!-- The member vote, as known on this date: its result only where its
         own counts or the returns show it. -->
    <xsl:for-each select="$the-mandate/a:member-vote[c:known-at(.)]">
      <xsl:variable name="counted" select="@for and @against"/>
      <xsl:variable name="shown"
          select="(@result = 'in-favour' and ((@model and @model = $majority-model) or ($counted and number(@for) &gt; number(@against))))
                  or (@result = 'against' and $counted and number(@against) &gt;= number(@for))"/>
      <xsl:if test="$shown or $counted">
        <d:p role="member-vote">
          <d:run-in><xsl:apply-templates select="$w/t:member-vote/node()" mode="fill"/>
            <xsl:if test="@date">, <xsl:call-template name="format-date"><xsl:with-param name="date" select="@date"/></xsl:call-template></xsl:if>:</d:run-in>
          <xsl:text> </xsl:text>
          <xsl:if test="$shown">
            <xsl:call-template name="label"><xsl:with-param name="set" select="'member-vote-result'"/><xsl:with-param name="value" select="@result"/></xsl:call-template>
            <xsl:if test="@model">
              <xsl:text> of </xsl:text>
              <xsl:call-template name="model-name"><xsl:with-param name="value" select="@model"/></xsl:call-template>
            </xsl:if>
            <xsl:if test="$counted"><xsl:text> (</xsl:text></xsl:if>
          </xsl:if>
          <xsl:if test="$counted">
            <xsl:value-of select="concat(@for, ' for, ', @against, ' against')"/>
            <xsl:if test="@abstained"><xsl:value-of select="concat(', ', @abstained, ' abstained')"/></xsl:if>
            <xsl:if test="@eligible"><xsl:value-of select="concat(', of ', @eligible, ' eligible')"/></xsl:if>
            <xsl:if test="$shown"><xsl:text>)</xsl:text></xsl:if>
          </xsl:if>
          <xsl:text>.</xsl:text>
        </d:p>
      </xsl:if>
    </xsl:for-each>
    <xsl:for-each select="$the-mandate/a:governing-body-approval[c:known-at(.)]">
      <d:p role="governing-body">
        <d:run-in><xsl:apply-templates select="$w/t:governing-body/node()" mode="fill"/>:</d:run-in>
        <xsl:text> </xsl:text>
        <xsl:call-template name="label"><xsl:with-param name="set" select="'gb-decision'"/><xsl:with-param name="value" select="@decision"/></xsl:call-template>
        <xsl:if test="@date">, <xsl:call-template name="format-date"><xsl:with-param name="date" select="@date"/></xsl:call-template></xsl:if>
        <xsl:text>.</xsl:text>
      </d:p>
    </xsl:for-each>

    <!-- The returns. -->
    <xsl:if test="$returns">
      <d:section role="returns" id="ms-returns">
        <d:heading><xsl:apply-templates select="$w/t:returns-heading/node()" mode="fill"/></d:heading>
        <xsl:choose>
          <xsl:when test="$n-returns &lt;= $list-returns-max">
            <xsl:call-template name="returns-table"/>
          </xsl:when>
          <xsl:otherwise>
            <d:p><xsl:apply-templates select="$w/t:too-many/node()" mode="fill"/></d:p>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$members != '' and $members &gt; $n-returns">
          <d:p>
            <xsl:apply-templates select="$w/t:no-return/node()" mode="fill"/>
            <xsl:value-of select="concat(': ', $members - $n-returns, '.')"/>
          </d:p>
        </xsl:if>
      </d:section>
    </xsl:if>
  </xsl:template>

  <!-- The returns one by one: practice and model, then only the columns
       some return fills (a column of nothing is left out, not printed as
       dashes).  The practice heads its row. -->
  <xsl:template name="returns-table">
    <xsl:variable name="cols-rtf">
      <col name="practice" width="32"/>
      <col name="choice" width="25"/>
      <xsl:if test="$returns/@date"><col name="date" width="17"/></xsl:if>
      <xsl:if test="$returns/a:signed-by"><col name="signed-by" width="16"/></xsl:if>
      <xsl:if test="$returns/@acknowledged"><col name="acknowledged" width="19"/></xsl:if>
    </xsl:variable>
    <xsl:variable name="cols" select="exsl:node-set($cols-rtf)/col"/>
    <d:table role="returns">
      <xsl:for-each select="$cols">
        <d:col width="{@width}"/>
      </xsl:for-each>
      <d:head>
        <d:row>
          <xsl:for-each select="$cols">
            <xsl:variable name="head" select="$w/t:*[local-name() = concat('col-', current()/@name)]"/>
            <d:th scope="col"><xsl:apply-templates select="$head/node()" mode="fill"/></d:th>
          </xsl:for-each>
        </d:row>
      </d:head>
      <d:body>
        <xsl:for-each select="$returns">
          <xsl:variable name="r" select="."/>
          <d:row>
            <xsl:for-each select="$cols">
              <xsl:variable name="cell">
                <xsl:call-template name="return-cell">
                  <xsl:with-param name="r" select="$r"/>
                  <xsl:with-param name="col" select="@name"/>
                </xsl:call-template>
              </xsl:variable>
              <xsl:choose>
                <xsl:when test="@name = 'practice'"><d:th scope="row"><xsl:copy-of select="$cell"/></d:th></xsl:when>
                <xsl:otherwise><d:td><xsl:copy-of select="$cell"/></d:td></xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </d:row>
        </xsl:for-each>
      </d:body>
    </d:table>
  </xsl:template>

  <xsl:template name="return-cell">
    <xsl:param name="r"/>
    <xsl:param name="col"/>
    <xsl:variable name="p" select="$the-ccg/a:practices/a:practice[@id = $r/@practice]"/>
    <xsl:choose>
      <xsl:when test="$col = 'practice'">
        <xsl:value-of select="normalize-space($p/a:name)"/>
        <xsl:if test="$p/@ods-code"><xsl:value-of select="concat(' (', $p/@ods-code, ')')"/></xsl:if>
      </xsl:when>
      <xsl:when test="$col = 'choice'">
        <xsl:call-template name="capitalise">
          <xsl:with-param name="s"><xsl:call-template name="model-name"><xsl:with-param name="value" select="$r/@model"/></xsl:call-template></xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$col = 'date'"><xsl:call-template name="date-or-blank"><xsl:with-param name="date" select="$r/@date"/></xsl:call-template></xsl:when>
      <xsl:when test="$col = 'signed-by'">
        <xsl:choose>
          <xsl:when test="$r/a:signed-by"><xsl:value-of select="normalize-space($r/a:signed-by)"/></xsl:when>
          <xsl:otherwise><xsl:call-template name="blank"><xsl:with-param name="length" select="'12mm'"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$col = 'acknowledged' and $r/@acknowledged"><xsl:call-template name="yes-no"><xsl:with-param name="flag" select="$r/@acknowledged"/></xsl:call-template></xsl:when>
      <xsl:when test="$col = 'acknowledged'"><xsl:call-template name="blank"><xsl:with-param name="length" select="'12mm'"/></xsl:call-template></xsl:when>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
