<?xml version="1.0" encoding="UTF-8"?>
<!--
  stylesheets/mandate-summary.xsl — a one-page summary of a CCG's practice
  ballot returns (mandate/ballot-return): returns by model (the LMC's
  Model I, II, III), turnout against the member practices, the result,
  the member vote and governing body decision where given, and the
  returns themselves.  Words: templates/ballot.xml, <summary>.

  Parameter: ccg — the ccg/@id (default: the first CCG).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:a="urn:cocom:arrangement:1"
    xmlns:t="urn:cocom:templates:1"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="a t exsl">

  <xsl:import href="base.xsl"/>

  <xsl:param name="ballot-file" select="'../templates/ballot.xml'"/>
  <!-- List the returns one by one when there are at most this many (the
       summary stays on one page). -->
  <xsl:param name="list-returns-max" select="12"/>

  <xsl:variable name="w" select="document($ballot-file)/t:ballot/t:summary"/>
  <xsl:variable name="returns" select="$the-mandate/a:ballot-return"/>
  <xsl:variable name="members">
    <xsl:call-template name="member-practice-count"/>
  </xsl:variable>
  <xsl:variable name="model-labels" select="$labels/t:set[@name = 'model']/t:label"/>

  <!-- The model with the most returns, if one has more than each other. -->
  <xsl:variable name="winner-rtf">
    <xsl:for-each select="$model-labels">
      <xsl:sort select="count($returns[@model = current()/@value])" data-type="number" order="descending"/>
      <m value="{@value}" n="{count($returns[@model = current()/@value])}"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="ranked" select="exsl:node-set($winner-rtf)/m"/>

  <xsl:template match="t:slot[@name = 'winner']" mode="fill-element">
    <xsl:call-template name="model-name"><xsl:with-param name="value" select="$ranked[1]/@value"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="t:slot[@name = 'count']" mode="fill-element">
    <xsl:value-of select="count($returns)"/>
  </xsl:template>

  <!-- "Model III (delegated commissioning)" -->
  <xsl:template name="model-name">
    <xsl:param name="value"/>
    <xsl:variable name="l" select="$model-labels[@value = $value]"/>
    <xsl:value-of select="concat($l/@lmc, ' (', $l, ')')"/>
  </xsl:template>

  <xsl:template name="percent">
    <xsl:param name="n"/>
    <xsl:param name="of"/>
    <xsl:if test="$of &gt; 0"><xsl:value-of select="format-number($n div $of, '0%')"/></xsl:if>
  </xsl:template>

  <xsl:template match="/">
    <xsl:if test="not($the-ccg)">
      <xsl:message terminate="yes">cocom: the arrangement has no CCG<xsl:if test="$ccg != ''"> with the id "<xsl:value-of select="$ccg"/>"</xsl:if></xsl:message>
    </xsl:if>
    <xsl:variable name="doc-name"><xsl:call-template name="text-string"><xsl:with-param name="name" select="'title-mandate-summary'"/></xsl:call-template></xsl:variable>
    <xsl:call-template name="fo-document">
      <xsl:with-param name="title" select="concat($doc-name, ': ', normalize-space($the-ccg/a:name), ', ', $root/@year)"/>
      <xsl:with-param name="running-left" select="$doc-name"/>
      <xsl:with-param name="description">
        <xsl:call-template name="text-string"><xsl:with-param name="name" select="'describe-mandate-summary'"/></xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="bookmarks">
        <xsl:call-template name="bookmark">
          <xsl:with-param name="id" select="'ms-result'"/>
          <xsl:with-param name="title"><xsl:apply-templates select="$w/t:result/node()" mode="fill"/></xsl:with-param>
        </xsl:call-template>
        <xsl:if test="$returns">
          <xsl:call-template name="bookmark">
            <xsl:with-param name="id" select="'ms-returns'"/>
            <xsl:with-param name="title"><xsl:apply-templates select="$w/t:returns-heading/node()" mode="fill"/></xsl:with-param>
          </xsl:call-template>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="content">
        <xsl:call-template name="summary.content"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="summary.content">
    <fo:block xsl:use-attribute-sets="title" role="H1"><xsl:apply-templates select="$w/t:title/node()" mode="fill"/></fo:block>
    <fo:block xsl:use-attribute-sets="subtitle" role="P"><xsl:apply-templates select="$w/t:subtitle/node()" mode="fill"/></fo:block>
    <fo:block xsl:use-attribute-sets="para" role="P"><xsl:apply-templates select="$w/t:intro/node()" mode="fill"/></fo:block>

    <!-- Returns by model. -->
    <fo:table xsl:use-attribute-sets="table" role="Table">
      <fo:table-column column-width="proportional-column-width(60)"/>
      <fo:table-column column-width="proportional-column-width(20)"/>
      <fo:table-column column-width="proportional-column-width(20)"/>
      <fo:table-header start-indent="0pt" end-indent="0pt" role="THead">
        <fo:table-row role="TR">
          <fo:table-cell xsl:use-attribute-sets="table.head.cell" role="TH"><fo:block role="P"><xsl:apply-templates select="$w/t:col-model/node()" mode="fill"/></fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="table.head.cell" role="TH"><fo:block role="P"><xsl:apply-templates select="$w/t:col-returns/node()" mode="fill"/></fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="table.head.cell" role="TH"><fo:block role="P"><xsl:apply-templates select="$w/t:col-share/node()" mode="fill"/></fo:block></fo:table-cell>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body start-indent="0pt" end-indent="0pt" role="TBody">
        <xsl:for-each select="$model-labels">
          <xsl:variable name="n" select="count($returns[@model = current()/@value])"/>
          <fo:table-row role="TR">
            <fo:table-cell xsl:use-attribute-sets="table.cell" role="TH">
              <fo:block role="P"><xsl:call-template name="model-name"><xsl:with-param name="value" select="@value"/></xsl:call-template></fo:block>
            </fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="table.cell" role="TD" text-align="end"><fo:block role="P"><xsl:value-of select="$n"/></fo:block></fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="table.cell" role="TD" text-align="end">
              <fo:block role="P"><xsl:call-template name="percent"><xsl:with-param name="n" select="$n"/><xsl:with-param name="of" select="count($returns)"/></xsl:call-template></fo:block>
            </fo:table-cell>
          </fo:table-row>
        </xsl:for-each>
        <fo:table-row role="TR" font-weight="bold">
          <fo:table-cell xsl:use-attribute-sets="table.cell" role="TH"><fo:block role="P"><xsl:apply-templates select="$w/t:total/node()" mode="fill"/></fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="table.cell" role="TD" text-align="end"><fo:block role="P"><xsl:value-of select="count($returns)"/></fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="table.cell" role="TD" text-align="end"><fo:block role="P"><xsl:if test="$returns">100%</xsl:if></fo:block></fo:table-cell>
        </fo:table-row>
      </fo:table-body>
    </fo:table>

    <!-- Turnout and result. -->
    <fo:block xsl:use-attribute-sets="para" role="P">
      <fo:inline font-weight="bold" role="Span"><xsl:apply-templates select="$w/t:turnout/node()" mode="fill"/>: </fo:inline>
      <xsl:choose>
        <xsl:when test="$members != ''">
          <xsl:value-of select="count($returns)"/>
          <xsl:text> </xsl:text>
          <xsl:apply-templates select="$w/t:turnout-of/node()" mode="fill"/>
          <xsl:value-of select="concat(' ', $members, ' ')"/>
          <xsl:apply-templates select="$w/t:member-practices/node()" mode="fill"/>
          <xsl:text> (</xsl:text>
          <xsl:call-template name="percent"><xsl:with-param name="n" select="count($returns)"/><xsl:with-param name="of" select="$members"/></xsl:call-template>
          <xsl:text>).</xsl:text>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="count($returns)"/>
          <xsl:text>. </xsl:text>
          <xsl:apply-templates select="$w/t:turnout-unknown/node()" mode="fill"/>
        </xsl:otherwise>
      </xsl:choose>
    </fo:block>
    <fo:block xsl:use-attribute-sets="para" role="P" id="ms-result">
      <fo:inline font-weight="bold" role="Span"><xsl:apply-templates select="$w/t:result/node()" mode="fill"/>: </fo:inline>
      <xsl:choose>
        <xsl:when test="not($returns)"><xsl:apply-templates select="$w/t:result-none/node()" mode="fill"/></xsl:when>
        <xsl:when test="$ranked[1]/@n = $ranked[2]/@n"><xsl:apply-templates select="$w/t:result-tie/node()" mode="fill"/></xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="$w/t:result-most/node()" mode="fill"/>
          <xsl:text> </xsl:text>
          <xsl:value-of select="concat($ranked[1]/@n, ' of ', count($returns), ' returns')"/>
          <xsl:if test="$ranked[1]/@n * 2 &gt; count($returns)">
            <xsl:text>, </xsl:text>
            <xsl:apply-templates select="$w/t:majority/node()" mode="fill"/>
          </xsl:if>
          <xsl:if test="$members != ''">
            <xsl:text>; </xsl:text>
            <xsl:choose>
              <xsl:when test="$ranked[1]/@n * 2 &gt; $members"><xsl:apply-templates select="$w/t:majority-practices/node()" mode="fill"/></xsl:when>
              <xsl:otherwise><xsl:apply-templates select="$w/t:not-majority-practices/node()" mode="fill"/></xsl:otherwise>
            </xsl:choose>
          </xsl:if>
          <xsl:text>.</xsl:text>
        </xsl:otherwise>
      </xsl:choose>
    </fo:block>
    <fo:block xsl:use-attribute-sets="para" role="P"><xsl:apply-templates select="$w/t:proposed/node()" mode="fill"/></fo:block>
    <xsl:for-each select="$the-mandate/a:member-vote">
      <fo:block xsl:use-attribute-sets="para" role="P">
        <fo:inline font-weight="bold" role="Span"><xsl:apply-templates select="$w/t:member-vote/node()" mode="fill"/>: </fo:inline>
        <xsl:call-template name="label"><xsl:with-param name="set" select="'member-vote-result'"/><xsl:with-param name="value" select="@result"/></xsl:call-template>
        <xsl:if test="@model">
          <xsl:text> of </xsl:text>
          <xsl:call-template name="model-name"><xsl:with-param name="value" select="@model"/></xsl:call-template>
        </xsl:if>
        <xsl:if test="@for or @against">
          <xsl:value-of select="concat(' (', @for, ' for, ', @against, ' against')"/>
          <xsl:if test="@abstained"><xsl:value-of select="concat(', ', @abstained, ' abstained')"/></xsl:if>
          <xsl:text>)</xsl:text>
        </xsl:if>
        <xsl:if test="@date">, <xsl:call-template name="format-date"><xsl:with-param name="date" select="@date"/></xsl:call-template></xsl:if>
        <xsl:text>.</xsl:text>
      </fo:block>
    </xsl:for-each>
    <xsl:for-each select="$the-mandate/a:governing-body-approval">
      <fo:block xsl:use-attribute-sets="para" role="P">
        <fo:inline font-weight="bold" role="Span"><xsl:apply-templates select="$w/t:governing-body/node()" mode="fill"/>: </fo:inline>
        <xsl:call-template name="label"><xsl:with-param name="set" select="'gb-decision'"/><xsl:with-param name="value" select="@decision"/></xsl:call-template>
        <xsl:if test="@date">, <xsl:call-template name="format-date"><xsl:with-param name="date" select="@date"/></xsl:call-template></xsl:if>
        <xsl:text>.</xsl:text>
      </fo:block>
    </xsl:for-each>

    <!-- The returns. -->
    <xsl:if test="$returns">
      <fo:block xsl:use-attribute-sets="subsection.heading" role="H2" id="ms-returns">
        <xsl:apply-templates select="$w/t:returns-heading/node()" mode="fill"/>
      </fo:block>
      <xsl:choose>
        <xsl:when test="count($returns) &lt;= $list-returns-max">
          <xsl:call-template name="returns-table"/>
        </xsl:when>
        <xsl:otherwise>
          <fo:block xsl:use-attribute-sets="para" role="P"><xsl:apply-templates select="$w/t:too-many/node()" mode="fill"/></fo:block>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$members != '' and $members &gt; count($returns)">
        <fo:block xsl:use-attribute-sets="para" role="P">
          <xsl:apply-templates select="$w/t:no-return/node()" mode="fill"/>
          <xsl:value-of select="concat(': ', $members - count($returns), '.')"/>
        </fo:block>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template name="returns-table">
    <fo:table xsl:use-attribute-sets="table" role="Table">
      <fo:table-column column-width="proportional-column-width(27)"/>
      <fo:table-column column-width="proportional-column-width(17)"/>
      <fo:table-column column-width="proportional-column-width(17)"/>
      <fo:table-column column-width="proportional-column-width(17)"/>
      <fo:table-column column-width="proportional-column-width(22)"/>
      <fo:table-header start-indent="0pt" end-indent="0pt" role="THead">
        <fo:table-row role="TR">
          <xsl:for-each select="$w/t:col-practice | $w/t:col-choice | $w/t:col-date | $w/t:col-signed-by | $w/t:col-acknowledged">
            <fo:table-cell xsl:use-attribute-sets="table.head.cell" role="TH"><fo:block role="P"><xsl:apply-templates select="node()" mode="fill"/></fo:block></fo:table-cell>
          </xsl:for-each>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body start-indent="0pt" end-indent="0pt" role="TBody">
        <xsl:for-each select="$returns">
          <xsl:variable name="p" select="$the-ccg/a:practices/a:practice[@id = current()/@practice]"/>
          <fo:table-row role="TR">
            <fo:table-cell xsl:use-attribute-sets="table.cell" role="TH">
              <fo:block role="P">
                <xsl:choose>
                  <xsl:when test="$p"><xsl:value-of select="normalize-space($p/a:name)"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="@practice"/></xsl:otherwise>
                </xsl:choose>
              </fo:block>
            </fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="table.cell" role="TD">
              <fo:block role="P"><xsl:value-of select="$model-labels[@value = current()/@model]/@lmc"/></fo:block>
            </fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="table.cell" role="TD">
              <fo:block role="P">
                <xsl:choose>
                  <xsl:when test="@date"><xsl:call-template name="format-date"><xsl:with-param name="date" select="@date"/></xsl:call-template></xsl:when>
                  <xsl:otherwise>&#x2013;</xsl:otherwise>
                </xsl:choose>
              </fo:block>
            </fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="table.cell" role="TD">
              <fo:block role="P">
                <xsl:choose>
                  <xsl:when test="a:signed-by"><xsl:value-of select="normalize-space(a:signed-by)"/></xsl:when>
                  <xsl:otherwise>&#x2013;</xsl:otherwise>
                </xsl:choose>
              </fo:block>
            </fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="table.cell" role="TD">
              <fo:block role="P">
                <xsl:choose>
                  <xsl:when test="@acknowledged"><xsl:call-template name="yes-no"><xsl:with-param name="flag" select="@acknowledged"/></xsl:call-template></xsl:when>
                  <xsl:otherwise>&#x2013;</xsl:otherwise>
                </xsl:choose>
              </fo:block>
            </fo:table-cell>
          </fo:table-row>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
  </xsl:template>
</xsl:stylesheet>
